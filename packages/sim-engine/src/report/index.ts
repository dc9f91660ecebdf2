export type { RunReportInput, ReportSeries, ReportFinding, ReportDesign } from './types';
export { renderRunReportHtml } from './html';
export { reproduceCommand } from './reproduce';
export { renderLineChart, niceScale } from './svg-chart';
export { renderWaterfall, MAX_WATERFALL_SPANS } from './svg-waterfall';
export { pickReportTraces, REPORT_SERIES, REPORT_TRACES } from './pick';
export { renderCheckReportHtml, type CheckReportInput } from './check-html';
