import type { UiLibraryInfo } from '../types';
import { VERSIONS } from '../versions';

export const angularMaterial: UiLibraryInfo = {
  id: 'angular-material',
  label: 'Angular Material',
  description: 'Angular Material and the CDK, with a prebuilt Material 3 theme.',
  homepage: 'https://material.angular.dev',
  packages: [
    { name: '@angular/material', version: VERSIONS['@angular/material'] },
    { name: '@angular/cdk', version: VERSIONS['@angular/cdk'] },
  ],
  requires: {},
  availability: { available: true },
};

export const ngBootstrap: UiLibraryInfo = {
  id: 'ng-bootstrap',
  label: 'ng-bootstrap',
  description: 'Bootstrap 5 widgets as native Angular components.',
  homepage: 'https://ng-bootstrap.github.io',
  packages: [
    { name: '@ng-bootstrap/ng-bootstrap', version: '^20.0.0' },
    { name: 'bootstrap', version: '^5.3.9' },
    { name: '@popperjs/core', version: '^2.11.8' },
    { name: '@angular/localize', version: VERSIONS.angular },
  ],
  requires: {},
  availability: { available: true },
};

export const primeng: UiLibraryInfo = {
  id: 'primeng',
  label: 'PrimeNG',
  description: 'PrimeNG 21 with the Aura theme preset.',
  homepage: 'https://primeng.org',
  packages: [
    { name: 'primeng', version: '^21.1.10' },
    { name: '@primeuix/themes', version: '^2.0.3' },
    { name: '@angular/cdk', version: VERSIONS['@angular/cdk'] },
  ],
  requires: {},
  availability: { available: true },
};

export const radixNg: UiLibraryInfo = {
  id: 'radix',
  label: 'Radix NG (community port)',
  description: 'Radix has no official Angular port; @radix-ng/primitives is the community port of its primitives.',
  homepage: 'https://www.radix-ng.com',
  packages: [
    { name: '@radix-ng/primitives', version: '^1.1.2' },
    { name: '@floating-ui/dom', version: '^1.8.0' },
    { name: '@internationalized/date', version: '^3.12.4' },
    { name: '@internationalized/number', version: '^3.6.9' },
  ],
  requires: {},
  availability: { available: true },
};
