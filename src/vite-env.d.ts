/// <reference types="vite/client" />
declare module '*?worker&url' {
  const url: string;
  export default url;
}
// data/vite/maplibre-from-source.ts: the URL of maplibre's worker script
declare module 'virtual:maplibre-worker-url' {
  const url: string;
  export default url;
}
