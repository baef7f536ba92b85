// A callback a component is handed (a .ts file: the React lint config reads a parameter in a type as an unused one).
export type Handler<T> = (value: T) => void;
