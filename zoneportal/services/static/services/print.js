// 一次性告知单: a button that prints the page (without JavaScript the browser's own print command does the same).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
