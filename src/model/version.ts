// The model's version: bump on any change that alters projected numbers.
export const MODEL_VERSION = '0.2.0';
