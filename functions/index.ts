// Entry of the functions bundle: the shim first (import order is evaluation order), then the function files.
import "./shim";
import "./steam";
import "./methodology";
