/**
 * `T` with every property that may hold undefined made optional instead: what a library type
 * declared as `key?: V` (without `| undefined`) accepts under exactOptionalPropertyTypes.
 */
export type OmitUndefined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/**
 * A copy of `o` without the keys whose value is undefined. For the few places where an absent key
 * and an undefined one differ: a library option typed `key?: V` (grammY, axios), a query string
 * built from an object's keys. Our own types say `key?: V | undefined` and take plain objects.
 */
export function omitUndefined<T extends object>(o: T): OmitUndefined<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as OmitUndefined<T>;
}
