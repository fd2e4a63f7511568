/** The page's only style sheet, inline and allowed by its hash in the Content-Security-Policy. */
export const PAGE_STYLE = String.raw`
:root{--fg:#1d2330;--muted:#5d6677;--line:#d9dde5;--bg:#fff;--panel:#f6f7f9;--pass:#1a7f37;--fail:#c62828;
--inconclusive:#b26a00;--skip:#6e7781;--error:#8e24aa;--bar:#4a78c2;--bar-error:#c62828;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
@media (prefers-color-scheme:dark){:root{--fg:#e6e9ef;--muted:#a0a8b8;--line:#3a4150;--bg:#161a21;--panel:#1f242d;--bar:#6b96de}}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1280px;margin:0 auto;padding:16px 24px 48px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:14px;margin:16px 0 6px}
.meta,.note,.muted{color:var(--muted)}.note{font-size:12px;margin:4px 0}
.mono,code{font-family:var(--mono);font-size:12px}
.badge{display:inline-block;padding:2px 10px;border-radius:4px;color:#fff;font-weight:700;letter-spacing:.03em}
.verdict{font-size:20px;margin-right:8px}
.s-pass,.s-PASS{background:var(--pass)}.s-fail,.s-FAIL{background:var(--fail)}.s-inconclusive,.s-INCONCLUSIVE{background:var(--inconclusive)}
.s-skip{background:var(--skip)}.s-ERROR{background:var(--error)}
.reasons{margin:8px 0;padding-left:20px}.reasons li{margin:2px 0}
table{border-collapse:collapse;width:100%;margin:4px 0}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{font-weight:600;color:var(--muted);font-size:12px}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.kv{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:2px 16px}
.kv div{display:flex;justify-content:space-between;border-bottom:1px dotted var(--line);padding:2px 0}
.error-box{border:1px solid var(--error);border-radius:4px;padding:8px 12px;margin:8px 0}
pre{white-space:pre-wrap;word-break:break-word;background:var(--panel);padding:8px;border-radius:4px;margin:4px 0;max-height:320px;overflow:auto}
button.link{background:none;border:0;padding:0;color:var(--bar);cursor:pointer;font:inherit;text-decoration:underline}
.matrix{border-collapse:separate;border-spacing:2px;width:auto}
.matrix th{font-size:12px;max-width:140px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.matrix td{min-width:64px;height:34px;text-align:center;border:0;border-radius:3px;font-size:12px;font-variant-numeric:tabular-nums}
.matrix td.cell{color:#111;font-weight:600}.matrix td.none{background:var(--panel);color:var(--muted)}
.legend{display:flex;gap:12px;align-items:center;font-size:12px;color:var(--muted);margin:6px 0}
.legend span.swatch{display:inline-block;width:14px;height:14px;border-radius:3px;vertical-align:middle;margin-right:4px}
.coverage-row{display:grid;grid-template-columns:minmax(160px,280px) 1fr 280px;gap:12px;align-items:center;padding:4px 0;border-bottom:1px solid var(--line)}
.track{position:relative;height:22px;background:var(--panel);border-radius:3px}
.whisker{position:absolute;top:10px;height:2px;background:var(--fg)}
.whisker-cap{position:absolute;top:5px;width:2px;height:12px;background:var(--fg)}
.estimate{position:absolute;top:4px;width:8px;height:14px;margin-left:-4px;border-radius:2px}
.threshold{position:absolute;top:0;bottom:0;width:0;border-left:2px dashed var(--fail)}
.axis{position:relative;height:16px;font-size:11px;color:var(--muted)}
.axis span{position:absolute;transform:translateX(-50%)}
.trace-list{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0}
.trace-list button{font:12px var(--mono);padding:4px 8px;border:1px solid var(--line);border-radius:4px;background:var(--panel);color:var(--fg);cursor:pointer}
.trace-list button[aria-pressed=true]{border-color:var(--bar);outline:2px solid var(--bar)}
.trace-list button.has-break{border-left:4px solid var(--fail)}
.waterfall{border:1px solid var(--line);border-radius:4px;margin-top:8px}
.wf-head,.wf-row{display:grid;grid-template-columns:minmax(260px,38%) 1fr;align-items:center}
.wf-head{position:sticky;top:0;background:var(--panel);border-bottom:1px solid var(--line);font-size:11px;color:var(--muted);z-index:1}
.wf-row{border-bottom:1px solid var(--line);cursor:pointer;min-height:24px}
.wf-row:hover,.wf-row:focus{background:var(--panel);outline:none}
.wf-row[aria-expanded=true]{background:var(--panel)}
.wf-label{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;padding:2px 6px;font-size:12px}
.wf-label .svc{color:var(--muted);margin-right:6px}
.wf-label .kind{color:var(--muted);font-size:11px;margin-left:6px}
.wf-track{position:relative;height:24px;margin-right:8px}
.wf-bar{position:absolute;top:6px;height:12px;min-width:2px;border-radius:2px;background:var(--bar)}
.wf-bar.error{background:var(--bar-error)}
.wf-row.broken .wf-label{box-shadow:inset 4px 0 0 var(--fail)}
.wf-row.problem .wf-label{box-shadow:inset 4px 0 0 var(--inconclusive)}
.flag{display:inline-block;font-size:10px;font-weight:700;color:#fff;background:var(--fail);border-radius:3px;padding:0 4px;margin-right:4px}
.flag.problem{background:var(--inconclusive)}.flag.orphan{background:var(--skip)}
.wf-tick{position:absolute;top:0;bottom:0;border-left:1px solid var(--line)}
.wf-head .wf-track span{position:absolute;top:4px;transform:translateX(-50%)}
.wf-head .wf-track span.first{transform:none}.wf-head .wf-track span.last{transform:translateX(-100%)}
.coverage-row .mono{word-break:break-all}
.wf-detail{padding:8px 12px 12px 24px;border-bottom:1px solid var(--line);background:var(--bg)}
.wf-detail table{width:auto;min-width:50%}
.wf-detail td:first-child{color:var(--muted);font-family:var(--mono);font-size:12px;white-space:nowrap}
.wf-detail td{font-family:var(--mono);font-size:12px;word-break:break-word;white-space:pre-wrap}
.mark{margin:4px 0;padding:4px 8px;border-left:4px solid var(--fail);background:var(--panel)}
.mark.problem{border-left-color:var(--inconclusive)}
.more{margin:6px 0;font-size:12px;color:var(--muted);font-style:italic}
`;
