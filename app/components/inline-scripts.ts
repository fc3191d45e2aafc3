// The only scripts public pages run, inline. The Content-Security-Policy allows exactly these by their
// sha256 (app/http/security-headers.server.ts), besides the per-request nonce: so a stored public page
// needs no nonce in its HTML and can be served as the same bytes to everyone.

/** Quick exit: the click replaces this page in the history, so that "Back" does not return here. */
export const quickExitScript = `document.addEventListener("click",function(e){var a=e.target&&e.target.closest&&e.target.closest("[data-quick-exit]");if(a){e.preventDefault();location.replace(a.href)}});document.addEventListener("keydown",function(e){if(e.key==="Escape"&&e.shiftKey){var a=document.querySelector("[data-quick-exit]");if(a)location.replace(a.href)}});`;

/** The quiz, kept tiny for phones on slow lines: grade on change, never post. */
export const quizScript = `(function(){var f=document.currentScript.closest("form");if(!f)return;
function show(s,right){var r=s.querySelector(".quiz__result[data-result],.quiz__result:not([data-missing])");r.hidden=false;r.dataset.result=right?"right":"wrong";r.classList.toggle("quiz__result--right",right);r.classList.toggle("quiz__result--wrong",!right);
r.querySelectorAll("[data-verdict]").forEach(function(v){v.hidden=(v.dataset.verdict==="right")!==right});s.querySelector("[data-missing]").hidden=true}
function score(){var sets=f.querySelectorAll("fieldset"),n=0,a=0;sets.forEach(function(s){var c=s.querySelector("input:checked");if(c){a++;if(c.value===s.dataset.rightOption)n++}});var p=f.querySelector(".quiz__score");if(a===sets.length){p.textContent=p.dataset.scoreTemplate.replace("{correct}",n);p.hidden=false}}
f.addEventListener("change",function(e){var s=e.target.closest("fieldset");if(!s)return;show(s,e.target.value===s.dataset.rightOption);score()});
f.addEventListener("submit",function(e){e.preventDefault();var b=e.submitter,sets=f.querySelectorAll("fieldset");sets.forEach(function(s,i){if(b&&b.value!=="all"&&String(i)!==b.value)return;if(!s.querySelector("input:checked"))s.querySelector("[data-missing]").hidden=false})})})();`;
