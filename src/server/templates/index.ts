export { renderTemplate, UnavailableTemplateError } from './render-template';
export type { RenderedTemplate, TemplateFile, TemplateInput } from './types';
