import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { stripWgsl, webglOnlyPlugin } from '../../data/vite/webgl-only.ts';

/** A file of an installed package's dist folder (the real deck.gl / luma.gl sources the build transforms). */
const distFile = (pkg: string, file: string) => readFileSync(join('node_modules', pkg, 'dist', file), 'utf8');

const exportedNames = (code: string) =>
  (parseAst(code).body as { type: string; declaration?: { declarations?: { id: { name: string } }[]; id?: { name: string } } }[])
    .filter((node) => node.type.startsWith('Export'))
    .flatMap((node) =>
      node.type === 'ExportDefaultDeclaration' ? ['default'] : (node.declaration?.declarations?.map((d) => d.id.name) ?? [node.declaration?.id?.name ?? '?']),
    );

describe('WGSL sources left out of the WebGL build', () => {
  it('replaces every marked WGSL template, nested interpolations included, and keeps the module valid with the same exports', () => {
    for (const [pkg, file] of [
      ['@deck.gl/layers', 'path-layer/path-layer.wgsl.js'],
      ['@deck.gl/layers', 'solid-polygon-layer/solid-polygon-layer.wgsl.js'],
      ['@deck.gl/core', 'shaderlib/project/project.wgsl.js'],
      ['@luma.gl/shadertools', 'modules/math/fp64/fp64-arithmetic-wgsl.js'],
    ] as const) {
      const code = distFile(pkg, file);
      const stripped = stripWgsl(code);
      expect(stripped, file).not.toBeNull();
      expect(stripped!.length, file).toBeLessThan(code.length / 2);
      expect(stripped, file).not.toMatch(/\/\*\s*wgsl\s*\*\//);
      expect(stripped, file).not.toMatch(/vec[234]<f32>|@location/);
      expect(exportedNames(stripped!), file).toEqual(exportedNames(code));
    }
  });

  it('keeps the GLSL that WebGL compiles and code without WGSL untouched', () => {
    const glsl = distFile('@deck.gl/layers', 'path-layer/path-layer-vertex.glsl.js');
    expect(stripWgsl(glsl)).toBeNull();
    const mixed = "const vs = /* glsl */ `void main() {}`;\nconst source = /* wgsl */ `fn f() -> ${'f32'} { return ${`${1}.0`}; }`;\nexport { vs, source };\n";
    expect(stripWgsl(mixed)).toBe("const vs = /* glsl */ `void main() {}`;\nconst source = '';\nexport { vs, source };\n");
  });

  it('applies to production builds only, and stubs deck.gl attribute buffer groups (constructed for WebGPU devices only)', () => {
    const plugin = webglOnlyPlugin();
    expect(plugin.apply).toBe('build');
    const load = plugin.load as (id: string) => string | null;
    const manager = distFile('@deck.gl/core', 'lib/attribute/attribute-manager.js');
    // the stub is only valid while deck.gl builds the groups for WebGPU devices alone
    expect(manager).toMatch(/device\.type === 'webgpu'\s*\?\s*new AttributeBufferGroups\(/);
    expect(load(join(process.cwd(), 'node_modules/@deck.gl/core/dist/lib/attribute/attribute-buffer-groups.js'))).toMatch(
      /^export default class AttributeBufferGroups \{ constructor\(\) \{ throw /,
    );
    expect(load(join(process.cwd(), 'node_modules/@deck.gl/core/dist/lib/attribute/attribute-manager.js'))).toBeNull();
  });

  it("stubs luma.gl's WGSL interface scan and binding table, with the same exports, called only to assemble WGSL", () => {
    const load = webglOnlyPlugin().load as (id: string) => string | null;
    for (const file of ['lib/shader-assembly/wgsl-interface-scan.js', 'lib/shader-assembly/wgsl-binding-debug.js']) {
      const stub = load(join(process.cwd(), 'node_modules/@luma.gl/shadertools/dist', file));
      expect(stub, file).toMatch(/throw new Error\('WebGPU is not used by the atlas/);
      expect(exportedNames(stub!), file).toEqual(exportedNames(distFile('@luma.gl/shadertools', file)));
    }
    // their only callers: the WGSL assembly paths
    const assembleShaders = distFile('@luma.gl/shadertools', 'lib/shader-assembly/assemble-shaders.js');
    const wgslAssembly = assembleShaders.slice(
      assembleShaders.indexOf('export function assembleWGSLShader('),
      assembleShaders.indexOf('export function assembleGLSLShaderPair('),
    );
    for (const name of ['scanWGSLInterface(', 'getShaderBindingDebugRowsFromWGSL(']) {
      expect(assembleShaders.split(name).length - 1, name).toBe(wgslAssembly.split(name).length - 1);
      const assembler = distFile('@luma.gl/shadertools', 'lib/shader-assembler.js');
      const wgslAssembler = assembler.slice(assembler.indexOf('export class WGSLShaderAssembler'));
      expect(assembler.split(name).length - 1, name).toBe(wgslAssembler.split(name).length - 1);
    }
  });
});
