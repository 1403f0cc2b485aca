/** The `?page=` of a list: a whole number from 1, whatever the URL says (the model clamps the top). */
export function pageParam(params: URLSearchParams): number {
  const page = Number(params.get("page") ?? "1");
  return Number.isInteger(page) && page >= 1 ? page : 1;
}
