// Entry of the functions bundle: the shim first (import order is evaluation order), then every declared function.
import "./shim";
import { FUNCTIONS } from "./catalog";
import { excelFunction } from "./registry";

for (const f of FUNCTIONS) CustomFunctions.associate(f.id, excelFunction(f));
