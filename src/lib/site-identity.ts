/**
 * The identity items an inspection of a government site looks for in its footer (政府网站发展指引,
 * 国办发〔2017〕47号): 网站标识码, ICP备案号 linked to the MIIT filing query, 公安机关备案号 linked
 * to its record on the public-security filing site, the 党政机关网站标识 and the
 * 我为政府网站找错 link. Pure: SiteFooter.astro renders these.
 */

/** Where an ICP 备案号 is looked up (工业和信息化部 ICP/IP地址/域名信息备案管理系统). */
export const ICP_QUERY_URL = 'https://beian.miit.gov.cn/';

/** The digits of a 公安机关备案号 (蒙公网安备15010202000001号 → 15010202000001), if it has them. */
export function psbRecordCode(psb: string): string | undefined {
  const runs = psb.match(/\d{6,}/g);
  return runs ? runs.reduce((a, b) => (b.length > a.length ? b : a)) : undefined;
}

/** The record of a 公安机关备案号 on 全国互联网安全管理服务平台, or undefined without digits. */
export function psbQueryUrl(psb: string): string | undefined {
  const code = psbRecordCode(psb);
  return code ? `http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${code}` : undefined;
}

/**
 * The 我为政府网站找错 link of one page: `{siteCode}` and `{url}` in the configured template are
 * replaced by the 网站标识码 and the page's address (URL-encoded), so the report names the page.
 */
export function errorReportUrl(template: string, siteCode: string, pageUrl: string): string {
  return template.replace(/\{siteCode\}/g, encodeURIComponent(siteCode)).replace(/\{url\}/g, encodeURIComponent(pageUrl));
}
