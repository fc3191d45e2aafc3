// The only scripts public pages run, inline. The Content-Security-Policy allows exactly these by their
// sha256 (app/http/security-headers.server.ts), besides the per-request nonce: so a stored public page
// needs no nonce in its HTML and can be served as the same bytes to everyone.

/**
 * Quick exit and the history of a visit. On a public page (<html data-history="replace">) every link and
 * GET form inside the portal replaces the current history entry instead of adding one: the whole visit is
 * one entry, and the quick exit replaces that entry too, so that "Back" leads to what came before the
 * portal. The exit hides the page at once (the next page may take a while on a slow line) and answers a
 * click, Shift+Escape, or three quick taps anywhere (a phone has no keyboard shortcut).
 */
export const quickExitScript = `(function(){var d=document,h=d.documentElement,taps=[],start=null;
function exit(){var a=d.querySelector("[data-quick-exit]");if(d.body)d.body.hidden=true;d.title="";location.replace(a?a.href:"https://www.google.com/search?q=weather")}
function replacing(){return h.getAttribute("data-history")==="replace"}
d.addEventListener("click",function(e){if(e.defaultPrevented||e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey)return;var a=e.target.closest&&e.target.closest("a[href]");if(!a)return;
if(a.hasAttribute("data-quick-exit")){e.preventDefault();exit();return}
if(!replacing()||a.origin!==location.origin||a.target||a.hasAttribute("download"))return;e.preventDefault();location.replace(a.href)});
d.addEventListener("submit",function(e){var f=e.target;if(e.defaultPrevented||!replacing()||(f.getAttribute("method")||"get").toLowerCase()!=="get")return;
var u=new URL(f.action,location.href),q=new URLSearchParams(new FormData(f)),b=e.submitter;if(u.origin!==location.origin)return;if(b&&b.name)q.append(b.name,b.value);e.preventDefault();u.search=q.toString();location.replace(u.href)});
d.addEventListener("keydown",function(e){if(e.key==="Escape"&&e.shiftKey)exit()});
d.addEventListener("touchstart",function(e){start=e.touches.length===1?[e.touches[0].clientX,e.touches[0].clientY]:null},{passive:true});
d.addEventListener("touchend",function(e){var t=e.changedTouches[0],now=Date.now();if(!start||!t||Math.abs(t.clientX-start[0])>12||Math.abs(t.clientY-start[1])>12){taps=[];return}
taps=taps.filter(function(x){return now-x<900});taps.push(now);if(taps.length>=3){taps=[];exit()}},{passive:true})})();`;

/**
 * The quiz, kept tiny for phones on slow lines: "Check answer" shows the verdict (and, when right, the
 * explanation), "Try again" clears the question, changing an answer hides the old verdict, "Check all
 * answers" shows every verdict, right answer and explanation; never a post. Focus moves to the control
 * that replaces the one just pressed.
 */
export const quizScript = `(function(){var f=document.currentScript.closest("form");if(!f)return;
function all(){return f.querySelectorAll("fieldset")}
function controls(s,checked){var c=s.querySelector("[data-check]"),r=s.querySelector("[data-retry]");c.hidden=checked;r.hidden=!checked;return checked?r:c}
function hide(s){var o=s.querySelector(".quiz__outcome");o.hidden=true;o.removeAttribute("data-result");s.removeAttribute("data-checked");s.querySelector("[data-missing]").hidden=true;return controls(s,false)}
function show(s,full){var c=s.querySelector("input:checked"),o=s.querySelector(".quiz__outcome");if(!c){s.querySelector("[data-missing]").hidden=false;return null}
var right=c.value===s.dataset.rightOption;s.querySelector("[data-missing]").hidden=true;o.hidden=false;o.dataset.result=right?"right":"wrong";o.classList.toggle("quiz__result--right",right);o.classList.toggle("quiz__result--wrong",!right);
o.querySelectorAll("[data-verdict]").forEach(function(v){v.hidden=(v.dataset.verdict==="right")!==right});o.querySelector("[data-answer]").hidden=right||!full;o.querySelector("[data-explanation]").hidden=!(right||full);s.setAttribute("data-checked","");return controls(s,true)}
function score(){var sets=all(),n=0,k=0;sets.forEach(function(s){if(s.hasAttribute("data-checked")){k++;if(s.querySelector("input:checked").value===s.dataset.rightOption)n++}});var p=f.querySelector(".quiz__score");p.hidden=k!==sets.length;p.textContent=k===sets.length?p.dataset.scoreTemplate.replace("{correct}",n):""}
f.addEventListener("change",function(e){var s=e.target.closest("fieldset");if(s&&s.hasAttribute("data-checked")){hide(s);score()}else if(s)s.querySelector("[data-missing]").hidden=true});
f.addEventListener("submit",function(e){e.preventDefault();var b=e.submitter;if(!b)return;var next=null;
if(b.name==="retry"){var s=all()[+b.value];s.querySelectorAll("input:checked").forEach(function(i){i.checked=false});hide(s);next=s.querySelector("input")}
else if(b.value==="all")all().forEach(function(s){show(s,true)});else next=show(all()[+b.value],false);score();if(next)next.focus()})})();`;

/**
 * /<lng>/verify: where the browser can (WebCrypto, which needs https or localhost), it computes the
 * chosen PDF's SHA-256 itself and sends only that; otherwise the form uploads the file as it is.
 */
export const verifyScript = `(function(){var f=document.currentScript.closest("form");if(!f||!window.crypto||!crypto.subtle)return;
f.addEventListener("submit",function(e){var input=f.querySelector("input[type=file]"),file=input&&input.files&&input.files[0];if(!file)return;e.preventDefault();
var status=f.querySelector("[data-verify-status]");if(status){status.hidden=false}
file.arrayBuffer().then(function(b){return crypto.subtle.digest("SHA-256",b)}).then(function(d){var hex=Array.prototype.map.call(new Uint8Array(d),function(x){return("0"+x.toString(16)).slice(-2)}).join("");
location.assign("/verify/"+hex+"?lng="+encodeURIComponent(document.documentElement.lang))})})})();`;

/**
 * Every public page: registers the service worker (app/offline/service-worker.js) once the page has
 * loaded, never competing with the page's own files. On the visit before the worker was there, the page
 * tells it what it loaded (itself, its stylesheet and fonts), which the worker takes from the browser's
 * cache: the first lesson opened is kept too, without downloading it again.
 */
export const serviceWorkerScript = `(function(){var w=navigator.serviceWorker;if(!w||!/^https?:$/.test(location.protocol))return;
addEventListener("load",function(){w.register("/sw.js").then(function(){if(w.controller)return;return w.ready.then(function(r){var u=[location.href.split("#")[0]];
performance.getEntriesByType("resource").forEach(function(e){u.push(e.name)});if(r.active)r.active.postMessage({type:"keep",urls:u})})})["catch"](function(){})})})();`;

/**
 * A size as formatFileSize (app/i18n/format-size.ts) writes it, from the patterns the server gives
 * (`S`: fileSizePatterns): the browser's Intl may not know our languages' units. Tested against
 * formatFileSize in every language (tests/i18n/file-size.test.ts).
 */
export const fileSizeFunction = `function size(b){var m=b>=1048576,n=m?Math.round(b/1048576*10)/10:Math.max(1,Math.round(b/1024)),s=String(n).split("."),i=s[0];
if(S.g&&i.length>3)i=i.slice(0,-3)+S.g+i.slice(-3);return (m?S.m:S.k).replace("{n}",i+(s[1]?S.d+s[1]:""))}`;

/**
 * /<lng>/offline: asks the service worker what is saved, saves the language (the pages, or the pages and
 * the PDFs) with its progress shown, and deletes everything kept. The texts are in the page's data-text-*
 * attributes, in its language. Without a worker (no JavaScript, or plain http) the page keeps saying so.
 */
export const offlinePageScript = `(function(){var p=document.querySelector("[data-offline-panel]"),w=navigator.serviceWorker;if(!p||!w||!window.caches||!window.MessageChannel)return;
var lang=document.documentElement.lang,state=p.querySelector("[data-offline-state]"),bar=p.querySelector("[data-offline-progress]"),opened=p.querySelector("[data-offline-opened]"),buttons=document.querySelectorAll("[data-offline-save],[data-offline-delete]");
function text(key,values){var t=p.getAttribute("data-text-"+key)||"";for(var k in values)t=t.split("{"+k+"}").join(values[k]);return t}
function show(name,key,values){state.setAttribute("data-offline-state",name);state.textContent=text(key||name,values)}
var S={k:p.getAttribute("data-size-kilobytes"),m:p.getAttribute("data-size-megabytes"),d:p.getAttribute("data-size-decimal"),g:p.getAttribute("data-size-group")};
${fileSizeFunction}
function day(iso){return iso?new Intl.DateTimeFormat(lang,{dateStyle:"long",timeZone:"Asia/Tbilisi"}).format(new Date(iso)):""}
function saved(s){if(s)show("saved",s.pdfs?"saved-with-pdfs":"saved",{version:s.version,date:s.date||day(s.approvedAt)});else show("not-saved")}
function busy(on){for(var i=0;i<buttons.length;i++)buttons[i].disabled=on}
function ask(message,answer){w.register("/sw.js").then(function(){return w.ready}).then(function(r){var c=new MessageChannel();c.port1.onmessage=function(e){answer(e.data)};r.active.postMessage(message,[c.port2])})}
function status(){ask({type:"state",language:lang},function(a){saved(a.saved);opened.textContent=text("opened",{number:a.opened});opened.hidden=false})}
document.querySelectorAll("[data-offline-controls]").forEach(function(e){e.hidden=false});show("not-saved");status();
document.addEventListener("click",function(e){var b=e.target.closest&&e.target.closest("[data-offline-save],[data-offline-delete]");if(!b)return;e.preventDefault();busy(true);
if(b.hasAttribute("data-offline-delete")){ask({type:"delete"},function(a){busy(false);if(a.type==="deleted"){show("deleted");opened.hidden=true}else show("failed")});return}
show("saving","progress",{done:0,total:"…",size:size(0)});bar.hidden=false;bar.removeAttribute("value");
ask({type:"save",language:lang,pdfs:b.getAttribute("data-offline-save")==="pdfs"},function(a){if(a.type==="progress"){bar.max=a.total;bar.value=a.done;show("saving","progress",{done:a.done,total:a.total,size:size(a.bytes)});return}
busy(false);bar.hidden=true;if(a.type==="saved"){saved(a.saved);status()}else show("failed")})})})();`;
