/** Labels of the choices of the application form's select fields: the parents' form and the reviewers' detail. */
export const formOptions: Record<string, Record<string, string>> = {
  employerProof: { salary: '工资证明', pension: '机关事业单位基本养老保险参保证明' },
  militaryCategory: {
    active: '现役军人子女',
    civilian: '军队文职人员子女',
    martyr: '烈士子女',
    hero: '英模子女',
    transferred: '今年转业干部、转业士官子女',
    retired: '部队军休人员子女',
  },
  propertyProof: {
    certificate: '房屋产权证',
    contract: '不动产登记信息证明（网签备案）',
    public_rental: '公租房入住证明',
    original_resident: '原始住户证明',
  },
  businessProof: { licence: '工商营业执照', park: '园区证明（入园企业法人、高管）' },
};
