/**
 * Words Vietnamese users build passwords from, typed without diacritics (as on most keyboards),
 * most common first in each list: zxcvbn-ts ships English and language-neutral lists only.
 * The keys tell zxcvbn which warning to give (`passwords`, `names`, `wikipedia`: a single word).
 */
export const VIETNAMESE_DICTIONARIES: Record<string, string[]> = {
  // Phrases used as whole passwords, and the words of this service and its users' offices.
  'passwords-vi': [
    'matkhau', 'anhyeuem', 'emyeuanh', 'yeuem', 'yeuanh', 'iuem', 'iuanh', 'anhiuem', 'emiuanh', 'toiyeuban',
    'yeumai', 'maimai', 'tinhyeu', 'hanhphuc', 'giadinh', 'vietnam', 'vietnamvodich', 'conyeu', 'xinchao',
    'chaoban', 'bimat', 'khongbiet', 'quenmatkhau', 'doimatkhau', 'taikhoan', 'dangnhap', 'quantri',
    'quantrivien', 'hethong', 'congchuc', 'canbo', 'vanthu', 'baocao', 'baocaodinhky', 'botttt', 'stttt',
    'sotttt', 'bokhcn', 'skhcn', 'buuchinh', 'buudien', 'vienthong', 'thongtin', 'truyenthong',
  ],
  // Common given names, then family names.
  'names-vi': [
    'minh', 'anh', 'linh', 'huong', 'trang', 'thao', 'ngoc', 'hoa', 'lan', 'mai', 'hang', 'hanh', 'phuong',
    'thuy', 'dung', 'hung', 'tuan', 'nam', 'long', 'duc', 'quang', 'thanh', 'hai', 'huy', 'khanh', 'hieu',
    'trung', 'son', 'tung', 'thang', 'cuong', 'vinh', 'binh', 'khoa', 'phuc', 'loc', 'tam', 'tien', 'dat',
    'bao', 'quan', 'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do',
    'ho', 'ngo', 'duong', 'ly', 'trinh', 'dinh', 'lam',
  ],
  // Places.
  'wikipedia-vi': [
    'hanoi', 'saigon', 'hochiminh', 'danang', 'haiphong', 'cantho', 'hue', 'nhatrang', 'dalat', 'vungtau',
    'quangninh', 'nghean', 'thanhhoa', 'namdinh', 'thaibinh', 'bacninh', 'dongnai', 'binhduong',
  ],
};
