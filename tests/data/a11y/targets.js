// The visible controls matching `selector` smaller than `minimum` CSS px either way.
([selector, minimum]) => [...document.querySelectorAll(selector)]
  .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== "hidden")
  .map((el) => [el, el.getBoundingClientRect()])
  .filter(([el, r]) => r.width < minimum - 0.5 || r.height < minimum - 0.5)
  .map(([el, r]) => `${el.tagName}.${el.className} "${(el.textContent || el.value || "").trim().slice(0, 12)}" ${r.width.toFixed(0)}×${r.height.toFixed(0)}`)
