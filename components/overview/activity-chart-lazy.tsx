"use client";

import dynamic from "next/dynamic";

/**
 * The activity chart, drawn in the browser only: a chart needs the page's
 * width anyway, and leaving it out of the server render keeps the overview's
 * first byte fast and its charting library out of the first download.
 */
export const ActivityChartLazy = dynamic(() => import("./activity-chart").then((module) => module.ActivityChart), {
  ssr: false,
  loading: () => <div className="h-80 animate-pulse rounded-lg bg-stone-100" aria-hidden="true" />,
});
