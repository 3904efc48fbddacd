import type { UiLibraryId } from '@/lib/catalog';

/** How an Angular UI library is wired into the standalone app. */
export interface AngularUiWiring {
  /** Global stylesheets added to angular.json before src/styles.css. */
  styles: string[];
  polyfills: string[];
  /** tsconfig.app.json `types`. */
  types: string[];
  configImports: string[];
  providers: string[];
  /** App component: TS imports and the symbols listed in `imports: [...]`. */
  componentImports: string[];
  componentSymbols: string[];
  /** app.html markup using the `count` signal and `increment()`. */
  example: string;
}

const BUTTON = '<button type="button" (click)="increment()">Count is {{ count() }}</button>';

export function angularUiWiring(id: UiLibraryId): AngularUiWiring {
  const w: AngularUiWiring = {
    styles: [],
    polyfills: [],
    types: [],
    configImports: [],
    providers: [],
    componentImports: [],
    componentSymbols: [],
    example: BUTTON,
  };
  switch (id) {
    case 'angular-material':
      return {
        ...w,
        styles: ['@angular/material/prebuilt-themes/azure-blue.css'],
        componentImports: [`import { MatButtonModule } from '@angular/material/button';`],
        componentSymbols: ['MatButtonModule'],
        example: '<button matButton="filled" (click)="increment()">Count is {{ count() }}</button>',
      };
    case 'ng-bootstrap':
      return {
        ...w,
        styles: ['bootstrap/dist/css/bootstrap.min.css'],
        polyfills: ['@angular/localize/init'],
        types: ['@angular/localize'],
        componentImports: [`import { NgbAlert } from '@ng-bootstrap/ng-bootstrap';`],
        componentSymbols: ['NgbAlert'],
        example: `<button type="button" class="btn btn-primary" (click)="increment()">Count is {{ count() }}</button>
  <ngb-alert type="info" [dismissible]="false">Clicked {{ count() }} times.</ngb-alert>`,
      };
    case 'primeng':
      return {
        ...w,
        configImports: [`import { providePrimeNG } from 'primeng/config';`, `import Aura from '@primeuix/themes/aura';`],
        providers: ['providePrimeNG({ theme: { preset: Aura } })'],
        componentImports: [`import { ButtonModule } from 'primeng/button';`],
        componentSymbols: ['ButtonModule'],
        example: `<p-button [label]="'Count is ' + count()" (onClick)="increment()" />`,
      };
    case 'radix':
      return {
        ...w,
        componentImports: [`import { RdxSwitchRoot, RdxSwitchThumb } from '@radix-ng/primitives/switch';`],
        componentSymbols: ['RdxSwitchRoot', 'RdxSwitchThumb'],
        example: `${BUTTON}
  <p>
    <button rdxSwitchRoot class="switch" aria-label="Odd" [checked]="odd()" (onCheckedChange)="odd.set($event.checked)">
      <span rdxSwitchThumb class="thumb"></span>
    </button>
  </p>`,
      };
    default:
      return w;
  }
}
