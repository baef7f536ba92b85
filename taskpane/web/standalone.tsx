// Standalone mode (no Excel): open a .xlsx, validate, fill and download it — through io/read and io/patch, like `gec`.
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

type Doc = import("./document").StandaloneDocument;

/** The reader and writer are loaded only once a file is opened (ExcelJS only when a template is inserted). */
const loadDocument = (): Promise<typeof import("./document")> => import("./document");

/**
 * A Backend over the opened package: writes are recorded and the download patches the original bytes; `changed` is
 * told of every change not yet downloaded.
 */
export function workbookBackend(doc: Doc, changed: () => void = () => undefined): Backend {
  const apply = async (plan: WritePlan): Promise<ApplyResult> => {
    doc.apply(plan);
    if (plan.length > 0) changed();
    return { applied: plan, skipped: [] };
  };
  return {
    kind: "standalone",
    readGrid: async (): Promise<Grid> => doc.readGrid(),
    apply,
    revert: (applied: CellWrite[]) => apply(invertPlan(applied)),
    insertTemplate: async (template: TemplateWorkbookShape) => {
      const names = await doc.insertTemplate(template);
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
    doc: Doc;
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
      const { StandaloneDocument } = await loadDocument();
      const doc = await StandaloneDocument.openFile(file);
      unsaved.current = false;
      setState({ doc, name: file.name, backend: workbookBackend(doc, changed) });
    } catch (e) {
      setError(describeError(e)); // a GecError's own text: what is wrong with the file and what to do
    }
  };

  const createWorkbook = async (name: string): Promise<Backend> => {
    const { StandaloneDocument } = await loadDocument();
    const doc = StandaloneDocument.empty();
    const backend = workbookBackend(doc, changed);
    setError(null);
    setState({ doc, name, backend });
    return backend;
  };

  const download = async () => {
    if (!state) return;
    try {
      // the opened package with only the written cells changed (io/patch), as `gec fill` writes it
      downloadBytes(state.doc.save(), state.name.replace(/(\.xlsx)?$/i, "-gec.xlsx"));
      unsaved.current = false;
    } catch (e) {
      setError(describeError(e));
    }
  };

  /** 検証結果一覧表: the verifier's table of the open workbook, as `gec report` writes it. */
  const downloadReport = async (lang: Lang) => {
    if (!state) return;
    try {
      const { fileSource, paperBytes } = await import("../paper");
      // the paper names the bytes it checked: the package as it stands now, with any writes of this session
      const bytes = state.doc.save();
      const paper = await paperBytes(state.doc.readGrid(), await fileSource(state.name, bytes), lang);
      downloadBytes(paper, state.name.replace(/(\.xlsx)?$/i, "-report.xlsx"));
    } catch (e) {
      setError(describeError(e));
    }
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
      <Button size="small" disabled={!state || busy} onClick={() => void downloadReport(lang)}>
        {tr(strings.report, lang)}
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
