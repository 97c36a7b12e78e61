/**
 * Validates all content before Astro renders anything, so a bad file stops the build with the
 * same one-line-per-problem report as `npm run check`, not a stack trace from inside a page.
 * Warnings (lenient corpus imports) are printed and the build goes on.
 */
import type { AstroIntegration } from 'astro';
import { collectSiteOnce } from '../content/load.ts';
import { collectOpenDataOnce } from '../content/open-data.ts';
import { formatProblem } from '../lib/errors.ts';
import { fileURLToPath } from 'node:url';
import { checkedDirs, scanTree } from '../content/file-safety.ts';
import { rm, writeFile } from 'node:fs/promises';
import { withheldAttachments, withheldPath } from '../lib/withheld.ts';
import { cspOptions } from '../lib/csp.ts';
import { nginxSecurityHeaders } from '../lib/security-headers.ts';
import type { SiteConfig } from '../lib/model.ts';

export function contentCheck(): AstroIntegration {
  let site: SiteConfig | undefined;
  let withheld: string[] = [];
  return {
    name: 'portal:content-check',
    hooks: {
      // Symlinks out of the repository and special files stop the build here, before Astro reads
      // content or copies public/ into dist/ (astro:build:start comes after the content sync).
      'astro:config:setup': async ({ config, command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const publicDir = fileURLToPath(config.publicDir);
        const problems = await scanTree(fileURLToPath(config.root), checkedDirs(undefined, publicDir), { publicDir });
        const errors = problems.filter((p) => p.severity === 'error');
        for (const p of problems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(p));
        if (errors.length) {
          process.stderr.write(`文件安全检查失败，共 ${errors.length} 个问题（file safety check failed）:\n${errors.map(formatProblem).join('\n')}\n`);
          process.exit(1);
        }
      },
      'astro:build:start': async ({ logger }) => {
        // the same parse the pages use (process-cache.ts): the library is read once per build
        const result = await collectSiteOnce({ lenient: process.env.PORTAL_LENIENT === '1' });
        const problems = [...result.problems];
        const open = result.data ? await collectOpenDataOnce({ site: result.data }) : undefined;
        if (open) problems.push(...open.problems);
        const errors = problems.filter((p) => p.severity === 'error');
        const warnings = problems.filter((p) => p.severity === 'warning');
        if (warnings.length) {
          logger.warn(`内容警告 ${warnings.length} 个（content warnings）:\n${warnings.slice(0, 50).map(formatProblem).join('\n')}${warnings.length > 50 ? `\n… 另有 ${warnings.length - 50} 个（npm run check 列出全部）` : ''}`);
        }
        if (errors.length || !result.data) {
          // Straight to stderr and out: shown even with --silent, and no stack trace that
          // points editors at our code instead of their file.
          process.stderr.write(`内容校验失败，共 ${errors.length} 个问题（content validation failed）:\n${errors.map(formatProblem).join('\n')}\n`);
          process.exit(1);
        }
        logger.info(`内容校验通过：政策文件 ${result.data.policies.length} 篇，政策解读 ${result.data.interpretations.length} 篇`);
        site = result.data.site;
        withheld = withheldAttachments(result.data, open?.scheduled?.flatMap((x) => x.files ?? []));
      },
      // The server headers for this build's CSP (federation peers change connect-src): docs/deployment.md
      'astro:build:done': async ({ dir, logger }) => {
        if (site) await writeFile(new URL('security-headers.conf', dir), nginxSecurityHeaders(cspOptions(site)));
        // attachments of drafts and scheduled documents stay offline until their document is published
        const out = fileURLToPath(dir);
        for (const file of withheld) {
          const target = withheldPath(out, file);
          if (target) await rm(target, { force: true });
        }
        if (withheld.length) logger.info(`未发布文件的附件 ${withheld.length} 个未复制到发布目录（attachments of unpublished documents withheld）`);
      },
    },
  };
}
