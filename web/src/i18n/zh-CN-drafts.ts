/** Deleting a draft, picking a child that fits the entry, and what unbinding a child destroys (lazy pages only). */
export const zhDrafts = {
  discard: {
    action: '删除草稿',
    question: (entry: string, number: string) => `删除「${entry}」的报名草稿（编号${number}）吗？`,
    hint: '草稿中填写的资料和已上传的材料将一并删除，不能恢复。删除后可以在正确的报名入口重新报名。',
    confirm: '确认删除',
    cancel: '取消',
    deleting: '正在删除…',
    done: '报名草稿已删除，现在可以选择该孩子报名。',
  },
  fit: {
    continueDraft: '继续填写草稿',
    viewProgress: '查看报名进度',
    cannotPick: '该孩子不能在本入口报名',
  },
  removal: {
    loading: '正在查看该孩子的报名…',
    nothing: '该孩子没有报名草稿或已上传的材料。',
    destroys: '以下报名及其材料将一并删除，不能恢复：',
    application: (entry: string, number: string, status: string, files: number) =>
      `「${entry}」报名${status}（编号${number}）${files ? `，已上传材料${files}份` : '，未上传材料'}`,
    blocked: '该孩子有审核中或已处理的报名，暂不能删除。',
  },
};
