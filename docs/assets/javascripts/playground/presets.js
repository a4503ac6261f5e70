// Configurations the articles link to (?preset=<id>); each shows one of their claims.

export const PRESETS = {
  'deep-sigmoid': {
    names: { zh: '深层 sigmoid，初始权重很小', en: 'Deep sigmoid, small initialisation' },
    state: { data: 'circle', layers: 8, width: 16, act: 'sigmoid', init: 'normal', sigma: 0.1, opt: 'sgd', lr: 0.3, batch: 16 },
  },
  'deep-relu-he': {
    names: { zh: '深层 ReLU，He 初始化', en: 'Deep ReLU, He initialisation' },
    state: { data: 'circle', layers: 8, width: 16, act: 'relu', init: 'he', opt: 'sgd', lr: 0.03, batch: 16 },
  },
  'deep-relu-small': {
    names: { zh: '深层 ReLU，N(0, 0.01²) 初始化', en: 'Deep ReLU, N(0, 0.01²) initialisation' },
    state: { data: 'circle', layers: 8, width: 16, act: 'relu', init: 'normal', sigma: 0.01, opt: 'sgd', lr: 0.03, batch: 16 },
  },
  'relu-high-rate': {
    names: { zh: 'ReLU，学习率过大', en: 'ReLU, learning rate too high' },
    state: { data: 'spiral', layers: 3, width: 32, act: 'relu', init: 'he', opt: 'sgd', lr: 1, batch: 16 },
  },
  'leaky-high-rate': {
    names: { zh: 'Leaky ReLU，同样的大学习率', en: 'Leaky ReLU, the same high rate' },
    state: { data: 'spiral', layers: 3, width: 32, act: 'leaky_relu', init: 'he', opt: 'sgd', lr: 1, batch: 16 },
  },
  'relu-high-rate-bn': {
    names: { zh: 'ReLU，大学习率加批归一化', en: 'ReLU, high rate, with batch normalisation' },
    state: { data: 'spiral', layers: 3, width: 32, act: 'relu', init: 'he', opt: 'sgd', lr: 1, batch: 16, bn: 1 },
  },
  'tanh-large-init': {
    names: { zh: 'tanh，初始权重很大', en: 'tanh, large initial weights' },
    state: { data: 'xor', layers: 4, width: 16, act: 'tanh', init: 'normal', sigma: 2, opt: 'sgd', lr: 0.1, batch: 16 },
  },
};
