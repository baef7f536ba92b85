// Standalone mode (no Excel): open a .xlsx, validate, fill and download it — through io/xlsx, like `gec check`.
import * as React from "react";
import { Button, Caption1, tokens } from "@fluentui/react-components";
import type { CellWrite, Grid, Message, WritePlan } from "../../src/types";
import { describeError } from "../errors";
import { App } from "../App";
import type { ApplyResult, Backend } from "../backend";
import type { TemplateWorkbookShape } from "../engineApi";
import { invertPlan } from "../../src/fill/invert";
import { strings, tr } from "../i18n";
import type { FileBarProps } from "../App";
import type { Lang } from "../i18n";

type Xlsx = typeof import("../../io/xlsx");
type Workbook = Awaited<ReturnType<Xlsx["loadWorkbook"]>>;

/** ExcelJS and io/xlsx are loaded only once a file is opened. */
const loadXlsx = (): Promise<Xlsx> => import("../../io/xlsx");

/** A Backend over an in-memory ExcelJS workbook; `changed` is told of every change not yet downloaded. */
export function workbookBackend(xlsx: Xlsx, wb: Workbook, changed: () => void = () => undefined): Backend {
  const apply = async (plan: WritePlan): Promise<ApplyResult> => {
    xlsx.applyPlan(wb, plan);
    if (plan.length > 0) changed();
    return { applied: plan, skipped: [] };
  };
  return {
    kind: "standalone",
    readGrid: async (): Promise<Grid> => xlsx.workbookToGrid(wb),
    apply,
    revert: (applied: CellWrite[]) => apply(invertPlan(applied)),
    insertTemplate: async (template: TemplateWorkbookShape) => {
      const names = xlsx.addTemplate(wb, template);
      changed();
      return names;
    },
  };
}

/** Saves bytes as a file through a temporary link. */
function downloadBytes(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function StandaloneApp({ initialLang }: { initialLang?: Lang }): React.JSX.Element {
  const [state, setState] = React.useState<{
    xlsx: Xlsx;
    wb: Workbook;
    name: string;
    backend: Backend;
  } | null>(null);
  const [error, setError] = React.useState<Message | null>(null);
  const input = React.useRef<HTMLInputElement>(null);
  // changes written to the open workbook and not downloaded yet: closing the tab would lose them
  const unsaved = React.useRef(false);
  const changed = () => (unsaved.current = true);
  React.useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!unsaved.current) return;
      e.preventDefault();
      e.returnValue = ""; // older browsers ask only when returnValue is set
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  const open = async (file: File) => {
    setError(null);
    try {
      const xlsx = await loadXlsx();
      const wb = await xlsx.loadWorkbook(new Uint8Array(await file.arrayBuffer()));
      unsaved.current = false;
      setState({ xlsx, wb, name: file.name, backend: workbookBackend(xlsx, wb, changed) });
    } catch (e) {
      setError(describeError(e)); // a GecError's own text: what is wrong with the file and what to do
    }
  };

  const createWorkbook = async (name: string): Promise<Backend> => {
    const xlsx = await loadXlsx();
    const wb = xlsx.newWorkbook();
    const backend = workbookBackend(xlsx, wb, changed);
    setError(null);
    setState({ xlsx, wb, name, backend });
    return backend;
  };

  const download = async () => {
    if (!state) return;
    const bytes = await state.xlsx.saveWorkbook(state.wb);
    downloadBytes(bytes, state.name.replace(/(\.xlsx)?$/i, "-gec.xlsx"));
    unsaved.current = false;
  };

  // The native input stays hidden (its button would speak the browser's language); a Fluent button opens it.
  const fileBar = ({ lang, busy }: FileBarProps) => (
    <div style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={strings.openFile.ja}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = ""; // the same file can be opened again after a change
          if (f) void open(f);
        }}
      />
      <Button size="small" disabled={busy} onClick={() => input.current?.click()}>
        {tr(strings.openFile, lang)}
      </Button>
      <Button size="small" disabled={!state || busy} onClick={() => void download()}>
        {tr(strings.download, lang)}
      </Button>
      {state && <Caption1 data-testid="file-name">{state.name}</Caption1>}
      {error && (
        <Caption1 role="alert" style={{ color: tokens.colorPaletteRedForeground1, flexBasis: "100%" }}>
          {tr(error, lang)}
        </Caption1>
      )}
    </div>
  );

  return (
    <App
      mode="standalone"
      backend={state?.backend ?? null}
      ready={state !== null}
      fileBar={fileBar}
      createWorkbook={{ create: createWorkbook }}
      initialLang={initialLang}
    />
  );
}
