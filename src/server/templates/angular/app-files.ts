import type { AngularUiWiring } from './ui';

export function indexHtml(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title}</title>
  <base href="/">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" type="image/svg+xml" href="favicon.svg">
</head>
<body>
  <app-root></app-root>
</body>
</html>
`;
}

export function mainTs(ui: AngularUiWiring): string {
  const localize = ui.types.includes('@angular/localize') ? '/// <reference types="@angular/localize" />\n\n' : '';
  return `${localize}import { bootstrapApplication } from '@angular/platform-browser';
import { appConfig } from './app/app.config';
import { App } from './app/app';

bootstrapApplication(App, appConfig)
  .catch((err) => console.error(err));
`;
}

export function appConfigTs(ui: AngularUiWiring): string {
  const providers = ['provideBrowserGlobalErrorListeners()', 'provideRouter(routes)', ...ui.providers];
  return `import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter } from '@angular/router';
${ui.configImports.map((l) => `${l}\n`).join('')}
import { routes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    ${providers.join(',\n    ')},
  ],
};
`;
}

export const APP_ROUTES_TS = `import { Routes } from '@angular/router';

export const routes: Routes = [];
`;

export function appTs(title: string, ui: AngularUiWiring): string {
  const symbols = ['RouterOutlet', ...ui.componentSymbols];
  const odd = ui.componentSymbols.includes('RdxSwitchRoot') ? '\n  protected readonly odd = signal(false);' : '';
  return `import { Component, signal } from '@angular/core';
import { RouterOutlet } from '@angular/router';
${ui.componentImports.map((l) => `${l}\n`).join('')}
@Component({
  selector: 'app-root',
  imports: [${symbols.join(', ')}],
  templateUrl: './app.html',
  styleUrl: './app.css',
})
export class App {
  protected readonly title = signal('${title}');
  protected readonly count = signal(0);${odd}

  protected increment(): void {
    this.count.update((count) => count + 1);
  }
}
`;
}

export function appHtml(ui: AngularUiWiring, tailwind: boolean): string {
  const main = tailwind ? 'class="mx-auto flex max-w-xl flex-col items-center gap-4 p-8 text-center"' : 'class="main"';
  return `<main ${main}>
  <h1>Hello, {{ title() }}</h1>
  <p>Edit <code>src/app/app.html</code> and save to reload.</p>
  ${ui.example}
</main>

<router-outlet />
`;
}

export const APP_CSS = `.main {
  max-width: 40rem;
  margin: 0 auto;
  padding: 2rem;
  text-align: center;
  font-family: system-ui, sans-serif;
}
.switch {
  width: 2.5rem;
  height: 1.5rem;
  border-radius: 9999px;
  background: #ccc;
  border: 0;
  padding: 0.125rem;
}
.switch[data-state='checked'] {
  background: #dd0031;
}
.thumb {
  display: block;
  width: 1.25rem;
  height: 1.25rem;
  border-radius: 9999px;
  background: white;
  transition: transform 0.15s;
}
.thumb[data-state='checked'] {
  transform: translateX(1rem);
}
`;

export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M16 2 3 6.6l2 17.2L16 30l11-6.2 2-17.2z" fill="#dd0031"/><path d="M16 5.5 8 23.5h3l1.6-4h6.8l1.6 4h3zm-2.3 11.3L16 11.3l2.3 5.5z" fill="#fff"/></svg>
`;
