import { useRouteLoaderData } from "@remix-run/react";
import type { RootLoaderData } from "~/root";

/** Whether data saver is on for this page: the page frame's one decision (root loader, app/utils/data-saver.server.ts). */
export function useDataSaver(): boolean {
  return useRouteLoaderData<RootLoaderData>("root")?.dataSaver.on ?? false;
}
