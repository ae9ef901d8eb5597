// Preact with htm tagged templates: components written as html`<div>…</div>`, no build step.
import { Fragment, h, render } from '/assets/vendor/preact.mjs';
import htm from '/assets/vendor/htm.mjs';

export { Fragment, h, render };
export { useCallback, useEffect, useMemo, useRef, useState } from '/assets/vendor/hooks.mjs';
export const html = htm.bind(h);
