export {
  startGeminiStandIn,
  promptText,
  systemText,
  letterEmbedding,
  type GeminiCall,
  type GeminiScript,
  type GeminiStandIn,
} from './geminiStandIn.js';
export { startCartesiaStandIn, tonePcm, type CartesiaRequest, type CartesiaStandIn } from './cartesiaStandIn.js';
export { makeSelfSignedCert } from './selfSignedCert.js';
