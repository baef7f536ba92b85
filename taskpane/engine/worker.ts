// The engine worker: answers the pane's calls (protocol.ts) with the engine service, off the page's thread.
import { engineService } from "./service";
import { callError, transferables } from "./protocol";
import type { Call, Reply } from "./protocol";

const service = engineService();
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Call>) => void) | null;
  postMessage(message: Reply, transfer: Transferable[]): void;
};

scope.onmessage = (e) => {
  const { id, method, args } = e.data;
  const call = service[method] as (...a: unknown[]) => Promise<unknown>;
  call(...args).then(
    (value) => scope.postMessage({ id, ok: true, value }, transferables(value)),
    (error: unknown) => scope.postMessage({ id, ok: false, error: callError(error) }, []),
  );
};
