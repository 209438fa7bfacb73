/**
 * Vite plugin (production builds only, issue 13): leaves out of the bundle the deck.gl / luma.gl code that only
 * a WebGPU device runs. The atlas draws deck.gl on a WebGL2 device (MapLibreOverlay, deck's webgl2Adapter; no
 * WebGPU adapter is ever registered), so this code is downloaded and parsed on every first view and never run:
 *
 * - deck.gl's `AttributeBufferGroups` (`@deck.gl/core/dist/lib/attribute/attribute-buffer-groups.js`), which the
 *   AttributeManager constructs only when `device.type === 'webgpu'`, becomes a stub that throws if it is ever constructed;
 *   with it goes the only import of `@luma.gl/gpgpu` (GPU table operations: interleaving for WebGPU vertex buffers);
 * - luma.gl's scan of a WGSL shader's interface (`wgsl-interface-scan.js`) and its binding table for debugging
 *   (`wgsl-binding-debug.js`), called only when a WGSL shader is assembled (`assembleWGSLShader`,
 *   `WGSLShaderAssembler`), become stubs that throw if they are ever called;
 * - the WGSL shader sources (template literals marked `/* wgsl *\/` in deck.gl and luma.gl, next to the GLSL that
 *   WebGL compiles) become empty strings. luma.gl reads a model's or shader module's WGSL only on a WebGPU device
 *   (`Model`: `isWebGPU && props.source`; `getShaderModuleSource(module, 'wgsl')`); on WebGL it assembles `vs`/`fs`.
 *
 * If the atlas ever creates a WebGPU device, remove this plugin.
 */
import type { Plugin } from 'vite';

const BUFFER_GROUPS = /[\\/]@deck\.gl[\\/]core[\\/]dist[\\/]lib[\\/]attribute[\\/]attribute-buffer-groups\.js$/;
/** luma.gl modules that only assemble WGSL shaders: their stubs export the same functions, which throw. */
const WGSL_ONLY_MODULES: [RegExp, string][] = [
  [/[\\/]@luma\.gl[\\/]shadertools[\\/]dist[\\/]lib[\\/]shader-assembly[\\/]wgsl-interface-scan\.js$/, 'scanWGSLInterface'],
  [/[\\/]@luma\.gl[\\/]shadertools[\\/]dist[\\/]lib[\\/]shader-assembly[\\/]wgsl-binding-debug\.js$/, 'getShaderBindingDebugRowsFromWGSL'],
];
const LIBRARY = /[\\/]node_modules[\\/]@(deck|luma)\.gl[\\/]/;
const MARKER = /\/\*\s*wgsl\s*\*\/\s*`/g;

/** Index just past the template literal whose opening backtick is at `start`. */
function endOfTemplate(source: string, start: number): number {
  let i = start + 1;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') i += 2;
    else if (c === '`') return i + 1;
    else if (c === '$' && source[i + 1] === '{') i = endOfExpression(source, i + 2);
    else i++;
  }
  throw new Error('unterminated template literal');
}

/** Index just past the `}` closing a `${` expression that starts at `start`. */
function endOfExpression(source: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '`') i = endOfTemplate(source, i);
    else if (c === "'" || c === '"') {
      i++;
      while (i < source.length && source[i] !== c) i += source[i] === '\\' ? 2 : 1;
      i++;
    } else {
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return i + 1;
      i++;
    }
  }
  throw new Error('unterminated template expression');
}

/** The code with every `/* wgsl *\/` template literal replaced by `''` (null when there is none). */
export function stripWgsl(code: string): string | null {
  let out = '';
  let last = 0;
  for (const match of code.matchAll(MARKER)) {
    const tick = match.index + match[0].length - 1;
    if (tick < last) continue;
    out += code.slice(last, match.index) + "''";
    last = endOfTemplate(code, tick);
  }
  return last === 0 ? null : out + code.slice(last);
}

export function webglOnlyPlugin(): Plugin {
  return {
    name: 'atlas-webgl-only',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      const wgslOnly = WGSL_ONLY_MODULES.find(([path]) => path.test(id));
      if (wgslOnly)
        return `export function ${wgslOnly[1]}() { throw new Error('WebGPU is not used by the atlas: WGSL shader assembly is left out (data/vite/webgl-only.ts)'); }\n`;
      if (!BUFFER_GROUPS.test(id)) return null;
      return "export default class AttributeBufferGroups { constructor() { throw new Error('WebGPU is not used by the atlas: attribute buffer groups are left out (data/vite/webgl-only.ts)'); } }\n";
    },
    transform(code, id) {
      if (!LIBRARY.test(id) || !code.includes('wgsl')) return null;
      const stripped = stripWgsl(code);
      return stripped === null ? null : { code: stripped, map: null };
    },
  };
}
