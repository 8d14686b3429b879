import { parseHTML } from 'linkedom';
import { installServerDocument } from '$lib/charts/server-drawing.ts';

// A DOM for drawing charts into the server-rendered pages (see server-drawing.ts).
installServerDocument(parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document);
