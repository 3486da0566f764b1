// Mantine's mixins and rem() helpers; see https://mantine.dev/styles/postcss-preset/
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
