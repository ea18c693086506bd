// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { stepAnchors } from './src/integrations/step-anchors.mjs';

/**
 * The public URL and base path come from the environment, so the same build works on any host:
 *   SITE_URL=https://help.example.com BASE_PATH=/qbo/ npm run build
 */
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), sitemap()],
  markdown: {
    processor: satteri({ hastPlugins: [stepAnchors] }),
  },
  devToolbar: { enabled: false },
});
