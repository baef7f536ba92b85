// The pane (placeholder until the validation issue): says where it runs and which GEC functions are available.
import * as React from "react";
import {
  Body1,
  Caption1,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";

export type HostMode = "excel" | "standalone";

const functions: [string, string][] = [
  ["GEC.STEAM_H(p, t)", "比エンタルピー h [kJ/kg]（IAPWS-IF97）"],
  ["GEC.STEAM_S / STEAM_V / STEAM_CP", "比エントロピー・比体積・定圧比熱"],
  ["GEC.STEAM_TSAT(p) / STEAM_PSAT(t)", "飽和温度・飽和圧力"],
  ["GEC.STEAM_HF(t) / STEAM_HG(t)", "飽和水 h′・飽和蒸気 h″"],
  ["GEC.STEAM_T_PH(p, h)", "圧力と比エンタルピーから温度"],
  ["GEC.Q_WB / S_B / EF_WB / EM_WB / EM_T", "方法論の計算式（丸め規則 R1〜R5）"],
  ["GEC.CEF_FUEL / EPS_BL", "燃料のデフォルト値"],
  ["GEC.P_ABS / Q_STEAM", "H002-2 の蒸気手順"],
];

export function App({ mode }: { mode: HostMode }): React.JSX.Element {
  return (
    <main style={{ padding: 16, display: "flex", flexDirection: "column", gap: 12 }}>
      <Subtitle1 as="h1">GEC 様式3-2 ツール</Subtitle1>
      <Body1>
        {mode === "excel"
          ? "Excel で実行中です。セルで GEC 関数を使えます。"
          : "スタンドアロン表示です（Excel の外）。Excel で使うには README の手順でサイドロードしてください。"}
      </Body1>
      <Caption1>
        検証・自動入力・テンプレート挿入は次の版で追加されます。 / Validation, fill and templates come next.
      </Caption1>
      <Table aria-label="GEC 関数 / GEC functions" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>関数 / Function</TableHeaderCell>
            <TableHeaderCell>内容</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {functions.map(([name, text]) => (
            <TableRow key={name}>
              <TableCell>
                <code>{name}</code>
              </TableCell>
              <TableCell>{text}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </main>
  );
}
