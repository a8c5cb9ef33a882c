// What the language checks read from a page (issue 17): the visible text nodes, the accessible texts
// (aria-label, title, alt, placeholder…), and text cut off by its own box. Shared by
// languages.e2e.ts (translated share per language) and pseudo-locale.e2e.ts (English left on screen).
import type { Page } from 'playwright-core';

export interface ShownText {
  text: string;
  /** Where it is: the nearest element with an id, data-testid or class, and the element's tag. */
  where: string;
}

/**
 * Visible text nodes of the page, trimmed, in document order. Skipped: script/style, code/kbd/samp
 * (ids, file names, keys), and text inside an element whose `lang` differs from the page's (a
 * language's own name in the picker is meant to stay in that language).
 */
export function visibleTexts(page: Page): Promise<ShownText[]> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const out: Array<{ text: string; where: string }> = [];
    const describe = (el: Element): string => {
      let e: Element | null = el;
      while (e && !e.id && !e.getAttribute('data-testid') && !(e.classList.length && e.tagName !== 'SPAN')) e = e.parentElement;
      const anchor = !e ? '' : e.id ? `#${e.id}` : e.getAttribute('data-testid') ? `[data-testid=${e.getAttribute('data-testid')}]` : `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`;
      return `${anchor} ${el.tagName.toLowerCase()}`.trim();
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      const el = n.parentElement;
      if (!text || !el) continue;
      if (el.closest('script, style, noscript, code, kbd, samp, template')) continue;
      // data written in English and shown as it is (curated notes, editions, citations): marked translate="no"
      if (el.closest('[translate="no"]')) continue;
      const langEl = el.closest('[lang]');
      if (langEl && langEl !== document.documentElement && langEl.getAttribute('lang') !== pageLang) continue;
      if (!el.checkVisibility({ opacityProperty: false, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) {
        // visually hidden text (screen-reader only) still counts: it is read out
        if (!el.closest('.visually-hidden, .sr-only')) continue;
      }
      out.push({ text, where: describe(el) });
    }
    return out;
  });
}

/** Accessible texts: aria-label, aria-description, title, alt, placeholder, aria-valuetext, and the page title. */
export function accessibleTexts(page: Page): Promise<ShownText[]> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const out: Array<{ text: string; where: string }> = [{ text: document.title, where: 'title' }];
    const ATTRS = ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'alt', 'placeholder'];
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('[aria-hidden="true"]') || el.closest('svg title') !== null || el.closest('[translate="no"]')) continue;
      const langEl = el.closest('[lang]');
      if (langEl && langEl !== document.documentElement && langEl.getAttribute('lang') !== pageLang) continue;
      if (el instanceof HTMLElement && !el.checkVisibility() && !el.closest('.visually-hidden, .sr-only')) continue;
      for (const a of ATTRS) {
        const v = el.getAttribute(a);
        if (v && v.trim()) out.push({ text: v.trim(), where: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}[${a}]` });
      }
      if (el instanceof HTMLInputElement && (el.type === 'button' || el.type === 'submit') && el.value) out.push({ text: el.value, where: 'input[value]' });
    }
    return out;
  });
}

/** Controls, labels and headings whose text overflows a box that hides the overflow (cut-off text). */
export function clippedTexts(page: Page): Promise<ShownText[]> {
  return page.evaluate(() => {
    const out: Array<{ text: string; where: string }> = [];
    const SELECTOR = 'button, label, h1, h2, h3, h4, h5, h6, th, caption, legend, summary, [role="tab"], a, .chip, option';
    for (const el of document.body.querySelectorAll<HTMLElement>(SELECTOR)) {
      if (!el.checkVisibility()) continue;
      const cs = getComputedStyle(el);
      const hides = ['hidden', 'clip'].includes(cs.overflowX) || cs.textOverflow === 'ellipsis';
      if (!hides) continue;
      if (el.closest('.visually-hidden, .sr-only')) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        out.push({ text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80), where: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} (${el.scrollWidth}>${el.clientWidth} or ${el.scrollHeight}>${el.clientHeight})` });
      }
    }
    return out;
  });
}

/** A word text (not a number, code or mark): has two letters in a row in some script. */
export const isWordText = (s: string): boolean => /\p{L}{2,}/u.test(s) && !/^[\p{Lu}\d\s.,:;/–\-()%+·×]+$/u.test(s);
