// The engine worker: answers the pane's calls (protocol.ts) with the engine service, off the page's thread.
import { engineService } from "./service";
import { answerer } from "./protocol";
import type { Call, Reply } from "./protocol";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Call>) => void) | null;
  postMessage(message: Reply, transfer: Transferable[]): void;
};
const answer = answerer(engineService(), (reply, transfer) => scope.postMessage(reply, transfer));

scope.onmessage = (e) => answer(e.data);
