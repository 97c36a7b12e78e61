/**
 * Puts the page's locale, its translate function and a base-aware link builder on
 * Astro.locals, so components never work out the language or the base themselves.
 */
import { defineMiddleware } from 'astro:middleware';
import { LOCALE_INFO, localeFromPath } from './i18n/locales.ts';
import { useTranslations } from './i18n/index.ts';
import { joinBase } from './lib/paths.ts';
import { presentVerticalHtml } from './lib/direction.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const base = import.meta.env.BASE_URL;
  const path = context.url.pathname.startsWith(base) ? context.url.pathname.slice(base.length) : context.url.pathname;
  const locale = localeFromPath(path);
  const info = LOCALE_INFO[locale];
  context.locals.locale = locale;
  context.locals.localeInfo = info;
  context.locals.t = useTranslations(locale);
  context.locals.href = (p: string) => joinBase(base, info.prefix + p.replace(/^\/+/, ''));
  const response = await next();
  // Vertical pages: short digit runs upright, Chinese runs marked lang="zh-CN" (src/lib/direction.ts).
  if (info.writingMode !== 'vertical-lr' || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  return new Response(presentVerticalHtml(await response.text()), { status: response.status, headers: response.headers });
});
