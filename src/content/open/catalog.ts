/** content/open/catalog/<area>.yaml: 政务公开事项标准目录, one file per pilot area (src/lib/open/areas.ts). */
import path from 'node:path';
import { nearest } from '../../lib/errors.ts';
import { AREA_IDS, areaById, areaByName } from '../../lib/open/areas.ts';
import type { CatalogArea } from '../../lib/open/model.ts';
import { catalogFileSchema, labels as catalogLabels, toCatalogArea } from '../../schemas/open/catalog.ts';
import { listFiles, relPath as rel } from '../files.ts';
import { at, baseName, readYaml, type OpenContext } from './context.ts';

export async function collectCatalog(ctx: OpenContext): Promise<CatalogArea[]> {
  const catalog: CatalogArea[] = [];
  for (const file of await listFiles(path.join(ctx.dir, 'catalog'), /\.ya?ml$/i)) {
    const area = await catalogArea(ctx, file);
    if (area) catalog.push(area);
  }
  return catalog.sort((a, b) => AREA_IDS.indexOf(a.id) - AREA_IDS.indexOf(b.id));
}

async function catalogArea(ctx: OpenContext, file: string): Promise<CatalogArea | undefined> {
  const id = baseName(file);
  const area = areaById(id);
  if (!area) {
    const near = nearest(id, AREA_IDS);
    const byName = areaByName(id);
    ctx.problems.push(
      at(rel(ctx.r.root, file), undefined, '(文件名)', '领域', `文件名 "${id}" 不是 26 个试点领域之一（unknown pilot area）`, {
        allowed: AREA_IDS,
        ...(near ? { hint: `是否应为 "${near}.yaml"？` } : byName ? { hint: `请改名为 ${byName.id}.yaml` } : {}),
      }),
    );
    return undefined;
  }
  const y = await readYaml(file, ctx, catalogFileSchema, catalogLabels);
  if (!y.data) return undefined;
  if (y.data.area !== undefined && areaByName(y.data.area)?.id !== area.id) {
    ctx.problems.push(
      at(y.rel, y.lineOf(['area']), 'area', catalogLabels.area, `领域名称 "${y.data.area}" 与文件名 ${id}.yaml（${area.name}）不符（area does not match file name）`, {
        allowed: [area.name, ...area.aliases],
      }),
    );
    return undefined;
  }
  return toCatalogArea(y.data, id, area.name, y.rel);
}
