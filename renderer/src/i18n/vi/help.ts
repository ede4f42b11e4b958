/**
 * The in-app user guide (namespace 'help'), Vietnamese; en/help.ts has the same keys. Each topic is
 * a title, a short lead and steps; F1 opens the topic of the screen the user is on.
 */
export const help = {
  title: 'Hướng dẫn sử dụng',
  intro: 'Nhấn F1 ở bất kỳ màn hình nào để mở phần hướng dẫn của màn hình đó. Mọi dữ liệu nằm trên máy này và dùng được khi không có mạng.',
  contents: 'Mục lục',
  back: 'Quay lại màn hình trước',
  shortcut: 'Phím tắt',
  topics: {
    start: {
      title: 'Bắt đầu',
      lead: 'Lần đầu mở ứng dụng, hãy khai báo bạn là ai: họ tên, chức vụ, đơn vị và vai trò (Văn phòng/thư ký hoặc thành viên Ban Chỉ đạo). Ứng dụng tạo cho bạn một khóa ký riêng để ký gói tài liệu và ghi chú chia sẻ.',
      steps: [
        'Dùng thanh bên trái hoặc Ctrl+1 … Ctrl+7 để chuyển giữa các khu vực: Cuộc họp, Tài liệu, Nhiệm vụ, Tìm kiếm, Liên thông, Danh mục, Cài đặt; Ctrl+8 mở Kế hoạch, chỉ tiêu.',
        'Ctrl+K mở ô tìm kiếm; gõ không dấu vẫn tìm được (“duong sat” tìm thấy “Đường sắt”).',
        'Ctrl+Shift+D đồng bộ ngay với Hệ thống điều hành của tỉnh (khi máy đã kết nối liên thông).',
        'Dữ liệu được lưu ngay khi bạn thao tác; không cần nút “Lưu” chung. Máy tắt đột ngột cũng không mất những gì đã lưu.',
      ],
    },
    meetings: {
      title: 'Chuẩn bị và tổ chức cuộc họp',
      lead: 'Văn phòng tạo cuộc họp, lập chương trình, mời thành phần tham dự, gắn tài liệu cho từng nội dung rồi phát hành và gửi gói tài liệu cho các thành viên.',
      steps: [
        'Cuộc họp → “Tạo cuộc họp”: chọn Ban Chỉ đạo, loại cuộc họp, thời gian, phòng họp hoặc điểm cầu, người chủ trì.',
        'Thẻ “Chương trình”: thêm nội dung, người trình bày, thời lượng; kéo thả hoặc Alt+↑/↓ để đổi thứ tự; gắn tệp PDF cho từng nội dung.',
        'Thẻ “Thành phần”: thêm cả Ban hoặc từng người, ghi phản hồi (tham dự, vắng, cử người dự thay); xuất giấy mời PDF và lịch .ics.',
        '“Phát hành” khi chương trình đã đủ; thay đổi sau khi phát hành được ghi thành phiên bản để thành viên thấy rõ điều gì đã đổi.',
        'Trong phiên họp, thẻ “Điểm danh” ghi có mặt, vắng có lý do, đến muộn, ủy quyền; ứng dụng tính số thành viên đủ điều kiện họp.',
      ],
    },
    minutes: {
      title: 'Biên bản cuộc họp',
      lead: 'Khi cuộc họp đang diễn ra hoặc đã kết thúc, thư ký mở “Biên bản” ở màn hình cuộc họp. Ứng dụng lập sẵn bản nháp theo Mẫu 1.9 (Nghị định 30/2020/NĐ-CP) từ thông tin cuộc họp; thư ký ghi ý kiến, biểu quyết, kết luận rồi chốt biên bản.',
      steps: [
        '“Tạo biên bản từ cuộc họp”: thời gian, địa điểm, chủ trì, thư ký, thành phần và từng nội dung chương trình được điền sẵn; đoạn có vạch xanh bên trái là đoạn ứng dụng viết, bạn sửa tự do.',
        'Thanh công cụ: in đậm (Ctrl+B), nghiêng (Ctrl+I), gạch chân (Ctrl+U), tiêu đề, danh sách, bảng; hoàn tác Ctrl+Z, làm lại Ctrl+Y.',
        '“Ý kiến” (Alt+Shift+Y), “Biểu quyết” (Alt+Shift+B), “Kết luận” (Alt+Shift+K) chèn vào nội dung chương trình đang soạn, ngay sau đoạn có con trỏ. Kết luận có đơn vị chủ trì, đơn vị phối hợp và thời hạn; khung bên phải liệt kê các kết luận, bấm vào để đến kết luận đó.',
        'Biểu quyết: ghi số đồng ý, không đồng ý, ý kiến khác; chọn “Cách tính kết quả” (cách tính theo quy chế của Ban Chỉ đạo đứng đầu danh sách, đặt ở Danh mục → Ban Chỉ đạo), số thành viên có mặt lấy theo điểm danh và sửa được; kết quả “thông qua / không thông qua” hiện ngay và được in vào biên bản.',
        'Biên bản tự lưu sau mỗi lần gõ (Ctrl+S để lưu ngay). Nếu cửa sổ đóng trước khi lưu xong, lần mở sau ứng dụng đề nghị khôi phục phần chưa lưu. Nếu một cửa sổ khác đã lưu trước, ứng dụng báo và không ghi đè.',
        '“Làm mới từ cuộc họp” cập nhật các đoạn ứng dụng viết khi cuộc họp thay đổi (ví dụ sau khi điểm danh); đoạn bạn đã sửa được giữ nguyên. “Lịch sử phiên bản” so sánh hai phiên bản và khôi phục phiên bản cũ.',
        '“Chốt biên bản” khóa nội dung và ghi mã băm SHA-256; muốn sửa lại phải “Mở lại” và ghi lý do.',
        'Dán từ Word hay trang web: giữ đoạn, tiêu đề, danh sách, bảng, in đậm, nghiêng, gạch chân; bỏ phông, cỡ, màu chữ và hình ảnh. Nội dung dán trên 1 triệu ký tự không được dán (hãy dán từng phần).',
        '“Thông báo kết luận”: ứng dụng soạn sẵn từ các kết luận, nhóm theo nội dung chương trình, kèm đơn vị chủ trì, phối hợp, thời hạn. Sửa lời văn như biên bản; nhập số do Văn thư cấp; chọn Nơi nhận trong danh bạ hoặc gõ thêm rồi nhấn Enter; chọn hình thức ký (TM., KT., TL.) và họ tên người ký. Khi biên bản đã chốt và thông báo có số, “Ban hành” khóa thông báo và ghi mã băm; sau đó “Xuất văn bản” ra DOCX/PDF hoặc đưa vào tài liệu cuộc họp. “Xem trước bản in (PDF)” cho xem văn bản đúng như khi in, cả khi còn là dự thảo.',
      ],
    },
    tasks: {
      title: 'Nhiệm vụ (chỉ đạo điều hành)',
      lead: 'Kết luận của cuộc họp trở thành nhiệm vụ giao cho đơn vị chủ trì, đơn vị phối hợp, có thời hạn. Ứng dụng tự tính tình hình thực hiện theo bốn nhóm của Văn phòng Chính phủ: hoàn thành đúng hạn, hoàn thành quá hạn, đang thực hiện trong hạn, đang thực hiện quá hạn.',
      steps: [
        'Từ biên bản: “Giao nhiệm vụ từ kết luận” → chọn các kết luận → kiểm tra đơn vị chủ trì, phối hợp và thời hạn của từng nhiệm vụ → “Giao nhiệm vụ”. Một kết luận chỉ thành một nhiệm vụ.',
        'Thời hạn là một ngày cụ thể, hoặc N ngày làm việc kể từ ngày giao (bỏ qua thứ Bảy, Chủ nhật, ngày lễ, Tết âm lịch và ngày nghỉ bù), hoặc “thường xuyên”. Ngày nghỉ theo quyết định hằng năm được sửa ở “Lịch làm việc”.',
        'Trang nhiệm vụ: báo cáo tiến độ (phần trăm, nội dung, tài liệu minh chứng), báo hoàn thành, xác nhận hoặc trả lại, đề nghị gia hạn và duyệt, đôn đốc, tạm dừng, hủy (ghi lý do). Mọi bước được ghi vào diễn biến và nhật ký hoạt động.',
        'Bấm vào một con số ở đầu trang Nhiệm vụ để xem danh sách nhiệm vụ đứng sau con số đó; chọn “Tính đến ngày” để xem tình hình vào một ngày khác. Biểu đồ nào cũng có bảng số liệu đi kèm.',
        'Trước cuộc họp kỳ sau, thẻ “Chương trình” có nút thêm mục “Kiểm điểm việc thực hiện kết luận kỳ trước” liệt kê các nhiệm vụ chưa hoàn thành.',
      ],
    },
    reports: {
      title: 'Báo cáo định kỳ',
      lead: 'Trang Nhiệm vụ → “Báo cáo định kỳ” tổng hợp tình hình thực hiện nhiệm vụ theo kỳ (tuần, tháng, quý, 6 tháng, 9 tháng, năm) và xuất báo cáo Word kèm phụ lục số liệu Excel. Số liệu chốt theo Nghị định 09/2019/NĐ-CP: kỳ tháng tính từ ngày 15 tháng trước đến ngày 14 tháng báo cáo.',
      steps: [
        'Chọn loại kỳ, rồi chọn kỳ trong danh sách 12 kỳ gần nhất; mỗi kỳ ghi rõ khoảng ngày lấy số liệu. Chọn một Ban Chỉ đạo để chỉ tính nhiệm vụ từ các cuộc họp, kết luận của Ban đó.',
        'Kỳ đang diễn ra được tính đến hôm nay và gắn nhãn “Kỳ chưa kết thúc”; kỳ đã qua tính đến ngày chốt, nên nhiệm vụ hoàn thành sau ngày chốt vẫn được tính là đang thực hiện trong kỳ đó.',
        'Bản xem trước có các số liệu tổng hợp, bảng theo đơn vị chủ trì và danh sách nhiệm vụ quá hạn kèm lý do; bấm vào một nhiệm vụ để mở trang của nhiệm vụ đó.',
        'Nhập số báo cáo và phần “Đánh giá chung, kiến nghị” (mỗi đoạn một dòng; nội dung được giữ lại theo từng kỳ), rồi bấm “Xuất Word (.docx)” hoặc “Xuất Excel (.xlsx)”. Mỗi lần xuất được ghi vào nhật ký hoạt động.',
        'Ngày chốt số liệu đổi trong Cài đặt → “Nhiệm vụ và báo cáo” (31 = theo tháng dương lịch).',
      ],
    },
    plans: {
      title: 'Kế hoạch, chỉ tiêu',
      lead: 'Khu vực “Kế hoạch, chỉ tiêu” theo dõi kế hoạch hành động của Ban Chỉ đạo: mỗi chỉ tiêu có đơn vị chủ trì, kế hoạch theo năm, quý hoặc tháng và số liệu thực hiện do đơn vị báo cáo; ứng dụng tính tỷ lệ và đánh giá Đạt, Gần đạt, Không đạt.',
      steps: [
        '“Nhập kế hoạch từ Excel” (phím I): chọn tệp .xlsx có dòng tên kế hoạch, dòng tiêu đề STT | Mã | Chỉ tiêu | Đơn vị tính | Đơn vị chủ trì và một cột cho mỗi kỳ (Năm 2026, Quý I/2026, …). “Tải tệp mẫu” cho tệp đúng cách trình bày.',
        'Xem trước từng dòng: nhóm (số La Mã) và chỉ tiêu, dòng có lỗi tô đỏ kèm lý do (ví dụ đơn vị chủ trì chưa có trong danh mục). Sửa tên kế hoạch nếu cần rồi bấm “Nhập N chỉ tiêu”; “Hủy” không ghi gì.',
        'Trong kế hoạch, chọn kỳ đánh giá; bảng chỉ tiêu cho kế hoạch, thực hiện, tỷ lệ % và đánh giá. “Báo cáo số liệu” ghi giá trị của một kỳ (dùng dấu phẩy cho phần thập phân, ví dụ 98,5); số liệu sửa lại được ghi thêm, số cũ vẫn còn trong lịch sử.',
        'Bấm tên một chỉ tiêu để xem biểu đồ kế hoạch và thực hiện qua các kỳ cùng loại và lịch sử báo cáo (ai báo cáo, lúc nào).',
        'Thẻ “Bản đồ nhiệt” cho mức độ đạt theo đơn vị chủ trì và nhóm chỉ tiêu. Ngưỡng “đạt”, “gần đạt” sửa ở đầu trang kế hoạch.',
        '“Xuất báo cáo Word” và “Xuất Excel” xuất báo cáo kết quả thực hiện chỉ tiêu của kỳ đang chọn.',
        'Trên chương trình cuộc họp, nút “Đánh giá tuần” thêm mục đánh giá tình hình thực hiện nhiệm vụ tuần, kèm báo cáo tuần dạng PDF.',
      ],
    },
    sync: {
      title: 'Liên thông với Hệ thống điều hành',
      lead: 'Liên thông gửi nhiệm vụ giao trên máy này lên Hệ thống điều hành của tỉnh và nhận về tiến độ, báo cáo hoàn thành, đề nghị gia hạn của các đơn vị. Không có mạng, ứng dụng vẫn làm việc bình thường.',
      steps: [
        'Kết nối: mở “Liên thông” ở thanh bên trái (Ctrl+5), nhập địa chỉ Hệ thống điều hành, mã ứng dụng và khóa bí mật do quản trị viên của tỉnh cấp (quản trị viên tạo bằng lệnh nghisu hub create-client), rồi bấm “Lưu và kiểm tra kết nối”. Khóa bí mật được cất riêng và không hiển thị lại.',
        'Mỗi thay đổi của nhiệm vụ (giao, sửa, báo cáo tiến độ, gia hạn…) được xếp hàng ngay trên máy, cả khi mất mạng, và được gửi đi khi đồng bộ; thay đổi mới từ Hệ thống điều hành được nhận về cùng lúc. Cột bên trái cho biết lần đồng bộ gần nhất và số thay đổi chờ gửi.',
        'Ctrl+Shift+D hoặc nút “Đồng bộ ngay” ở cột bên trái đồng bộ ngay và báo số thay đổi đã gửi, đã nhận.',
        'Nhiệm vụ mật (Mật, Tối mật, Tuyệt mật) không bao giờ rời khỏi máy này.',
        'Xung đột: khi một nhiệm vụ được sửa cả trên máy này và trên Hệ thống điều hành, không bản nào bị ghi đè. Trang “Xung đột liên thông” so sánh từng thông tin khác nhau; bạn chọn “Giữ bản của tôi” hoặc “Nhận bản của Hệ thống điều hành”.',
        'Thay đổi bị từ chối (ví dụ đơn vị chưa có mã định danh trong Danh mục) được liệt kê kèm lý do; sửa nguyên nhân rồi sửa lại nhiệm vụ, hoặc bấm “Bỏ qua”.',
        'Gói tài liệu cuộc họp: trên màn hình cuộc họp đã phát hành, nút “Gửi qua Hệ thống điều hành” gửi gói tài liệu đã ký cho các đơn vị thành viên của Ban Chỉ đạo ở lần đồng bộ tới (cuộc họp mật không được gửi). Máy của đơn vị nhận gói khi đồng bộ và tự nhập nếu đã tin cậy khóa ký; nếu chưa, gói chờ ở trang “Gói tài liệu qua Hệ thống điều hành”: đối chiếu dấu vân tay với Văn phòng Ban Chỉ đạo rồi bấm “Tin cậy khóa ký và nhập”.',
        'Khi đồng bộ lỗi, cột bên trái nói rõ lý do và giờ thử lại. Sai mã ứng dụng hoặc khóa bí mật thì cần quản trị viên kiểm tra lại.',
      ],
    },
    documents: {
      title: 'Tài liệu',
      lead: 'Tài liệu PDF và tệp đính kèm được lưu một lần trên máy, nhận diện bằng mã băm SHA-256, đọc được cả khi không có mạng.',
      steps: [
        'Kéo thả nhiều tệp vào khu vực Tài liệu; ứng dụng đọc số, ký hiệu, ngày ban hành, trích yếu từ trang đầu để bạn kiểm tra lại.',
        'Đặt độ mật (Mật, Tối mật, Tuyệt mật) cho tài liệu mật: tài liệu mật không được xuất ra ngoài nếu không ghi lý do, và mỗi trang hiện tên người đọc.',
        'Tệp không phải tài liệu (chương trình, tập lệnh) sẽ không được mở bằng chương trình của máy.',
      ],
    },
    reader: {
      title: 'Đọc và ghi chú tài liệu',
      lead: 'Thành viên đọc tài liệu họp, đánh dấu, vẽ, ghi chú ngay trên trang. Mỗi nét được lưu ngay khi vẽ xong.',
      steps: [
        'Phím chọn công cụ: V chọn, H tô sáng, U gạch chân, S gạch ngang, P bút vẽ, N ghi chú, T hộp chữ, R hình chữ nhật, E hình elip, A mũi tên, X tẩy.',
        'Ctrl+Z hoàn tác, Ctrl+Y làm lại, Delete xóa ghi chú đang chọn, Ctrl+F tìm trong tài liệu.',
        'Ghi chú là riêng tư cho đến khi bạn bật “Chia sẻ với cuộc họp”; chỉ ghi chú đã chia sẻ mới vào tệp ghi chú gửi Văn phòng.',
        'Menu “Xuất / Nhập”: PDF kèm ghi chú, PDF để in, XFDF, “ghi chú của tôi” dạng DOCX hoặc PDF.',
      ],
    },
    packs: {
      title: 'Gói tài liệu cuộc họp',
      lead: 'Gói tài liệu là một tệp có chữ ký số mang cuộc họp đã phát hành và toàn bộ tài liệu đến máy của thành viên.',
      steps: [
        'Văn phòng: trong cuộc họp đã phát hành, chọn “Xuất gói tài liệu” rồi gửi tệp .nghisu cho thành viên (USB, thư điện tử nội bộ).',
        'Thành viên: Cuộc họp → “Nhận gói tài liệu”. Lần đầu, hãy đối chiếu dấu vân tay của khóa với Văn phòng qua điện thoại trước khi tin cậy.',
        'Gói bị sửa, thiếu tệp, không có chữ ký hoặc cũ hơn bản đã nhập sẽ bị từ chối và không có gì được lưu.',
        'Tài liệu mật trong gói được mã hóa (cả số, ký hiệu, trích yếu), chỉ mở được trên máy của người dự họp mà Văn phòng đã tin cậy khóa (Danh mục → Hồ sơ của tôi → “Xuất khóa công khai”, gửi cho Văn phòng). Trước khi xuất, Văn phòng thấy ai mở được và ai chưa có khóa; máy không có trong danh sách vẫn nhận phần còn lại và được báo tài liệu nào không gửi cho mình.',
      ],
    },
    room: {
      title: 'Trong phòng họp',
      lead: 'Phòng họp chạy trên mạng nội bộ của phòng, không cần Internet: nội dung đang họp, điểm danh, đăng ký phát biểu, biểu quyết có chữ ký số, màn hình chiếu.',
      steps: [
        'Văn phòng: khi cuộc họp “Đang họp”, bấm “Phòng họp” → chọn mạng của phòng họp → “Mở phòng họp”. Đưa cho thành viên địa chỉ (hoặc liên kết vào phòng, mã QR); dấu vân tay đã có sẵn trong gói tài liệu họ đã nhận.',
        'Thành viên: trong cuộc họp bấm “Vào phòng họp”, nhập địa chỉ rồi “Vào phòng”. Máy tự chứng minh bạn là thành viên bằng khóa của hồ sơ, không cần mật khẩu. Bật “Theo người trình bày” để tài liệu và trang chuyển theo người trình bày.',
        'Chủ trì/Văn phòng: chọn nội dung đang họp (có đồng hồ so với thời gian dự kiến), trình chiếu trang tài liệu, điểm danh, sắp xếp và mời phát biểu, mở biểu quyết công khai hoặc kín, có thời hạn hoặc không, rồi “Kết thúc và kiểm phiếu”.',
        'Kết quả hiện trên mọi máy và màn hình chiếu; trong biên bản, “Làm mới từ cuộc họp” đưa kết quả vào đúng nội dung, kèm danh sách người biểu quyết (biểu quyết công khai). Mất mạng thì máy thành viên tự kết nối lại; phiếu gửi lúc mất mạng được gửi khi có mạng, hoặc bị từ chối nếu biểu quyết đã kết thúc.',
        'Máy chủ trì tắt đột ngột khi phòng đang mở: mở lại ứng dụng, vào “Phòng họp” và bấm “Tiếp tục phòng họp” — cùng phòng, cùng địa chỉ; máy thành viên tự vào lại, phiếu công khai giữ nguyên, phiếu kín được máy thành viên gửi lại. Thành viên được ủy quyền dự thay vào phòng bằng máy và khóa của chính mình.',
      ],
    },
    opinions: {
      title: 'Lấy ý kiến bằng văn bản',
      lead: 'Khi Ban Chỉ đạo cần quyết định giữa hai phiên họp, Văn phòng xin ý kiến thành viên bằng phiếu có chữ ký số và tổng hợp kết quả.',
      steps: [
        'Văn phòng: Cuộc họp → “Lấy ý kiến bằng văn bản” → “Tạo đợt lấy ý kiến”: chọn Ban Chỉ đạo, nhập câu hỏi, hạn trả lời, tài liệu kèm theo và người được xin ý kiến.',
        'Văn phòng: trong đợt lấy ý kiến chọn “Xuất tệp phiếu lấy ý kiến” rồi gửi tệp .nsykien cho thành viên.',
        'Thành viên: “Nhập phiếu lấy ý kiến”, đối chiếu dấu vân tay của Văn phòng nếu được hỏi, đọc tài liệu, chọn Đồng ý / Không đồng ý / Ý kiến khác cho từng câu rồi “Xuất tệp trả lời (ký số)” gửi lại Văn phòng. Đổi ý kiến thì xuất lại.',
        'Văn phòng: “Nhập tệp trả lời” của từng người, xem ai đã trả lời, ai trễ hạn, “Đôn đốc người chưa trả lời”, rồi “Xuất tổng hợp ý kiến (DOCX)”.',
        'Khi máy đã kết nối Hệ thống điều hành: Văn phòng bấm “Gửi qua Hệ thống điều hành” thay cho gửi tệp; thành viên nhận phiếu khi đồng bộ và bấm “Gửi trả lời qua Hệ thống điều hành”. Bản trả lời chỉ về đơn vị đã gửi phiếu; lần đầu, Văn phòng đối chiếu dấu vân tay và chọn đúng người ở Liên thông → gói, phiếu ý kiến đã gửi và nhận.',
      ],
    },
    directory: {
      title: 'Danh mục',
      lead: 'Cơ quan, đơn vị (mã định danh), cán bộ, Ban Chỉ đạo và thành viên, phòng họp, các danh mục dùng chung, hồ sơ và khóa của bạn.',
      steps: [
        'Nhập danh sách cán bộ từ Excel hoặc CSV: xem trước từng dòng, chỉ ghi khi bạn xác nhận.',
        'Thẻ “Hồ sơ của tôi”: xuất khóa công khai để Văn phòng tin cậy ghi chú bạn chia sẻ; xem các khóa bạn đã tin cậy.',
      ],
    },
    settings: {
      title: 'Cài đặt, sao lưu và nhật ký',
      lead: 'Ngôn ngữ, giao diện, địa chỉ hệ thống điều hành của tỉnh; thông tin phiên bản cho bộ phận CNTT.',
      steps: [
        'Khóa ứng dụng (Cài đặt → “Khóa ứng dụng và mật khẩu”): đặt mật khẩu để bảo vệ khóa ký; từ đó ứng dụng khóa khi khởi động, khi bấm Ctrl+L hoặc “Khóa ứng dụng” ở thanh bên, và sau số phút không dùng bạn chọn. Quên mật khẩu thì không ai lấy lại được: hãy giữ bản sao lưu.',
        'Nhật ký hoạt động (Cài đặt → “Xem nhật ký hoạt động”): ai đã thay đổi gì, khi nào; “Kiểm tra tính toàn vẹn” phát hiện mục bị sửa hoặc bị xóa ngoài ứng dụng; “Xuất Excel” cho đoàn kiểm tra.',
        'Sao lưu và khôi phục do quản trị viên thực hiện bằng dòng lệnh: nghisu backup TỆP, nghisu restore TỆP (đóng ứng dụng trước khi khôi phục).',
        'Địa chỉ máy chủ cập nhật do quản trị viên đặt; bản cập nhật chỉ được cài khi chữ ký hợp lệ.',
      ],
    },
  },
};
