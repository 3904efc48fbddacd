import { renderTemplate } from '@/server/templates';
import { projectConfigurationSchema } from '@/lib/schemas/projects';
const [fw, ui, ...paths] = process.argv.slice(2);
const r = renderTemplate({ framework: fw as 'react', uiLibrary: ui as 'none', configuration: projectConfigurationSchema.parse({}), projectName: 'Demo' });
for (const f of r.files) if (paths.length === 0 ? false : paths.some((p) => f.path.includes(p))) console.log(`=== ${f.path}\n${f.content}`);
console.log(r.files.map((f) => f.path).join(' '));
