// Offline API docs: Swagger UI over /openapi.json (no inline script: the CSP forbids it).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const el = document.getElementById("swagger-ui");
  if (el && window.SwaggerUIBundle) {
    window.SwaggerUIBundle({ url: el.dataset.spec, domNode: el, deepLinking: false });
  }
});
