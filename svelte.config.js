import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    // precompress: gzip and brotli copies of the static assets, served by sirv to clients that accept them
    adapter: adapter({ out: 'build', precompress: true })
  }
};
