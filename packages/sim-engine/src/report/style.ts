/** The report's whole stylesheet, inlined: the file makes no request of any kind. */
export const REPORT_CSS = `
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c2330;margin:0;background:#fff}
main{max-width:760px;margin:0 auto;padding:28px 24px 48px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:16px;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid #d8dde6}
h3{font-size:14px;margin:16px 0 6px}
.meta{color:#5a6474;font-size:12px;margin:0}
.verdict{border-radius:6px;padding:10px 14px;margin:16px 0;border:1px solid}
.verdict.pass{background:#e9f7ef;border-color:#5cb27f}
.verdict.fail{background:#fdecec;border-color:#d9534f}
.verdict.none{background:#f2f4f8;border-color:#c3cad6}
.verdict strong{font-size:15px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e6e9ef;vertical-align:top}
th{font-weight:600;color:#3b4556;background:#f6f7fa}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.ci{color:#6b7585;font-size:12px}
.holds{color:#1e7a45;font-weight:600}.breaks{color:#b52b27;font-weight:600}
.note{color:#5a6474;font-size:12px;margin:4px 0}
pre{background:#f6f7fa;border:1px solid #e1e5ec;border-radius:4px;padding:8px;overflow-x:auto;font-size:12px;white-space:pre-wrap;word-break:break-all}
code{font-family:ui-monospace,Menlo,Consolas,monospace}
details{margin:6px 0}
figure{margin:0}
svg{display:block;max-width:100%;height:auto;margin:4px 0 12px}
svg text{font:10px system-ui,sans-serif;fill:#4a5463}
svg .grid{stroke:#e6e9ef;stroke-width:1}
svg .line{fill:none;stroke:#2f6fdb;stroke-width:1.6}
svg .fault{fill:#f0ad4e;fill-opacity:.22;stroke:#e08e0b;stroke-opacity:.6}
svg .fault-label{fill:#9a5d00;font-weight:600}
svg .warmup{fill:#9aa3b2;fill-opacity:.15}
svg .bar{fill:#4b8bea}svg .bar.err{fill:#d9534f}svg .bar.unset{fill:#b0b7c3}
svg .span-label{font:10px ui-monospace,Menlo,Consolas,monospace;fill:#2b3442}
.finding{border-left:3px solid #f0ad4e;padding:2px 10px;margin:8px 0}
.finding.fail{border-color:#d9534f}
@media print{main{padding:0}h2{break-after:avoid}svg,table,.finding,figure.keep{break-inside:avoid}h3{break-after:avoid}}
`;
