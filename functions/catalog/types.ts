// What a custom function is: its Excel metadata in Japanese and English, and the cell Excel calls.
import type { Message } from "../../src/types";

export type CellAnswer = number | string;

export interface ParameterDeclaration {
  /** The ASCII name Excel shows in the formula bar ("eps"); messages name the quantity by its symbol (ε_BL). */
  name: string;
  description: Message;
  optional?: boolean;
}

export interface FunctionDeclaration {
  /** ASCII id and name in every locale: a translated name in a written formula gives #NAME?. */
  id: string;
  description: Message;
  result: Message;
  parameters: ParameterDeclaration[];
  /** One cell: each argument as the cell holds it (null where omitted or blank); throws GecError. */
  cell: (...args: unknown[]) => CellAnswer;
  /**
   * The steam functions' cell through exact decimals only, which `cell` answers the same without a Decimal for
   * plain numbers (a fast-check property in test/functions compares the two).
   */
  decimalCell?: (...args: unknown[]) => CellAnswer;
  /** Group for docs. */
  group: "steam" | "methodology";
}
