/** 代办模式 on the parents' pages (loaded with the banner only, never in the parents' first load). */
export const zhAgentMode = {
  banner: (phone: string) => `代办模式：正在为 ${phone} 办理`,
  end: '结束代办',
};
