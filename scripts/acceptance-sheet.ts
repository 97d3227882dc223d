/**
 * The procedure list of the import acceptance check, in the shape provinces report it: two tiers,
 * a field under each, procedures marked at level 2, 3 or 4. The staff guide's import example
 * (scripts/staff-guide-examples.ts) and the import tests (test/staff) both start from it.
 */
export const ACCEPTANCE_SHEET = `STT,Lĩnh vực/DVCTT,Mức độ 2,Mức độ 3,Mức độ 4,Ghi chú
A,Cấp tỉnh,,,,
I,Lĩnh vực Tài nguyên nước,,,,
1,Cấp giấy phép khai thác cát sỏi lòng sông,,,x,
2,Gia hạn giấy phép xả nước thải vào nguồn nước,,x,,
C,Cấp xã,,,,
I,Lĩnh vực Văn hóa,,,,
1,Đăng ký tổ chức lễ hội truyền thống,x,,,
`;
