/** The search page's script (src/pages/[...lang]/search/index.astro): src/scripts/search/page.ts. */
import { main } from './search/page.ts';

main();
