// webpack 5 through its Node API (no webpack-cli): entry and output, nothing else.
/* global URL, console, process */
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';

const here = fileURLToPath(new URL('.', import.meta.url));
webpack({ mode: 'production', context: here, entry: './main.js', output: { path: `${here}out`, clean: true } }, (error, stats) => {
  if (error || stats.hasErrors()) {
    console.error(error ?? stats.toString('errors-only'));
    process.exit(1);
  }
  console.log(stats.toString({ preset: 'summary' }));
});
