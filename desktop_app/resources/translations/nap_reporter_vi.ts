<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>Filter: title, description, task or recommendation (Ctrl+F)</source>
        <translation>Lọc theo tên, mô tả, nhiệm vụ hoặc khuyến nghị (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;New activity</source>
        <translation>&amp;Thêm hoạt động</translation>
    </message>
    <message>
        <source>New activity (Ctrl+N)</source>
        <translation>Thêm hoạt động (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Open activity</source>
        <translation>&amp;Mở hoạt động</translation>
    </message>
    <message>
        <source>Open the selected activity (Enter)</source>
        <translation>Mở hoạt động đang chọn (Enter)</translation>
    </message>
    <message>
        <source>&amp;Delete activity</source>
        <translation>&amp;Xóa hoạt động</translation>
    </message>
    <message>
        <source>&amp;Find activities</source>
        <translation>Tìm &amp;kiếm hoạt động</translation>
    </message>
    <message>
        <source>&amp;Undo: %1</source>
        <translation>&amp;Hoàn tác: %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo: %1</source>
        <translation>&amp;Làm lại: %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Tất cả lĩnh vực</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>Tất cả nhiệm vụ</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tất cả trạng thái</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tất cả các loại</translation>
    </message>
    <message>
        <source>%1 of %2 activities</source>
        <translation>%1/%2 hoạt động</translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>Xóa hoạt động</translation>
    </message>
    <message>
        <source>Delete the activity “%1” with its indicators and results?</source>
        <translation>Xóa hoạt động “%1” cùng toàn bộ chỉ số và kết quả kèm theo?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n activities with their indicators and results?</source>
        <translation>
            <numerusform>Xóa %n hoạt động cùng toàn bộ chỉ số và kết quả kèm theo?</numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>Có thể hoàn tác thao tác này bằng Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Giữ lại</translation>
    </message>
    <message>
        <source>No activity in this period yet. Add one: what was done, when, for whom, and which recommendations it serves.</source>
        <translation>Kỳ này chưa có hoạt động nào. Hãy thêm một hoạt động: việc gì đã làm, khi nào, cho ai, và phục vụ khuyến nghị nào.</translation>
    </message>
    <message>
        <source>&amp;Add activity</source>
        <translation>&amp;Thêm hoạt động</translation>
    </message>
</context>
<context>
    <name>ActivityCommand</name>
    <message>
        <source>Not saved</source>
        <translation>Chưa lưu được</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>thêm hoạt động</translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation>sửa hoạt động</translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>xóa hoạt động</translation>
    </message>
</context>
<context>
    <name>ActivityEditor</name>
    <message>
        <source>New activity</source>
        <translation>Thêm hoạt động</translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation>Sửa hoạt động</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Thông tin chung</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Khuyến nghị</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>What was done, in a few words</source>
        <translation>Nêu ngắn gọn việc đã thực hiện</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>Tên &amp;hoạt động</translation>
    </message>
    <message>
        <source>Type to search the tasks</source>
        <translation>Gõ để tìm nhiệm vụ</translation>
    </message>
    <message>
        <source>Tas&amp;k</source>
        <translation>&amp;Nhiệm vụ</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>&amp;Loại</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Trạng thái</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Ngày bắt đầu</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Ngày kết thúc</translation>
    </message>
    <message>
        <source>empty if not known</source>
        <translation>để trống nếu chưa rõ</translation>
    </message>
    <message>
        <source>&amp;Budget (VND)</source>
        <translation>&amp;Kinh phí (đồng)</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Phụ nữ</translation>
    </message>
    <message>
        <source>Ethnic minorities</source>
        <translation>Người dân tộc thiểu số</translation>
    </message>
    <message>
        <source>Persons with disabilities</source>
        <translation>Người khuyết tật</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Trẻ em</translation>
    </message>
    <message>
        <source>&lt;b&gt;Beneficiaries&lt;/b&gt; (number of people; empty if not known)</source>
        <translation>&lt;b&gt;Đối tượng thụ hưởng&lt;/b&gt; (số người; để trống nếu chưa rõ)</translation>
    </message>
    <message>
        <source>Search the recommendations</source>
        <translation>Tìm khuyến nghị</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>theo dõi</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Kết quả đầu ra</translation>
    </message>
    <message>
        <source>Challenges</source>
        <translation>Khó khăn, vướng mắc</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Nhiệm vụ tiếp theo</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Tài liệu minh chứng</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên chỉ số</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị tính</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Giá trị cơ sở</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Write the date as dd/mm/yyyy.</source>
        <translation>Nhập ngày theo dạng dd/mm/yyyy.</translation>
    </message>
    <message>
        <source>&amp;Add indicator</source>
        <translation>&amp;Thêm chỉ số</translation>
    </message>
    <message>
        <source>&amp;Remove indicator</source>
        <translation>&amp;Xóa chỉ số</translation>
    </message>
    <message>
        <source>Choose a task from the list.</source>
        <translation>Chọn một nhiệm vụ trong danh sách.</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>“%1” không phải là số.</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>Đã chọn %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>Dòng %1, %2: %3</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <source>This activity has changes that are not saved.</source>
        <translation>Hoạt động này có thay đổi chưa được lưu.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Bỏ thay đổi</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Tiếp tục chỉnh sửa</translation>
    </message>
</context>
<context>
    <name>ActivityTableModel</name>
    <message>
        <source>Indicators with a result / all indicators</source>
        <translation>Số chỉ số đã có kết quả / tổng số chỉ số</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên hoạt động</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <source>Budget (VND)</source>
        <translation>Kinh phí (đồng)</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Khuyến nghị</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Kết quả</translation>
    </message>
</context>
<context>
    <name>AreasTasksPage</name>
    <message>
        <source>Reading the areas and tasks…</source>
        <translation>Đang đọc các lĩnh vực và nhiệm vụ…</translation>
    </message>
    <message>
        <source>Areas and tasks in %1</source>
        <translation>Lĩnh vực và nhiệm vụ năm %1</translation>
    </message>
    <message>
        <source>By area</source>
        <translation>Theo lĩnh vực</translation>
    </message>
    <message>
        <source>By task</source>
        <translation>Theo nhiệm vụ</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Đã hoàn thành</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Đạt mục tiêu</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>No agency reported an activity for this task.</source>
        <translation>Chưa cơ quan nào báo cáo hoạt động cho nhiệm vụ này.</translation>
    </message>
    <message>
        <source>Plan %1: %2</source>
        <translation>Kế hoạch %1: %2</translation>
    </message>
    <message>
        <source>Period %1: %2</source>
        <translation>Kỳ báo cáo %1: %2</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Xác minh</translation>
    </message>
</context>
<context>
    <name>AssessmentEditor</name>
    <message>
        <source>&amp;Implementation:</source>
        <translation>Mức độ &amp;thực hiện:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Chọn</translation>
    </message>
    <message>
        <source>The focal point&apos;s judgment for this period</source>
        <translation>Nhận định của cơ quan đầu mối cho kỳ này</translation>
    </message>
    <message>
        <source>&amp;Save judgment</source>
        <translation>&amp;Lưu nhận định</translation>
    </message>
    <message>
        <source>Not judged yet.</source>
        <translation>Chưa có nhận định.</translation>
    </message>
    <message>
        <source>Judged without a period.</source>
        <translation>Đã nhận định, không gắn với kỳ nào.</translation>
    </message>
    <message>
        <source>Judged.</source>
        <translation>Đã nhận định.</translation>
    </message>
</context>
<context>
    <name>AssessmentsPage</name>
    <message>
        <source>Reading the activities…</source>
        <translation>Đang đọc các hoạt động…</translation>
    </message>
    <message>
        <source>Reading the recommendations…</source>
        <translation>Đang đọc các khuyến nghị…</translation>
    </message>
    <message>
        <source>Filter by code, agency or words of the text (with or without diacritics)</source>
        <translation>Lọc theo mã, cơ quan hoặc từ trong nội dung (có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <source>Follow-up only</source>
        <translation>Chỉ khuyến nghị thuộc thủ tục theo dõi</translation>
    </message>
    <message>
        <source>Recommendations in %1: actions and assessment</source>
        <translation>Khuyến nghị năm %1: hoạt động và đánh giá</translation>
    </message>
    <message>
        <source>%1 of %2 shown · %3 assessed</source>
        <translation>Hiển thị %1/%2 · đã đánh giá %3</translation>
    </message>
    <message>
        <source>No recommendation selected.</source>
        <translation>Chưa chọn khuyến nghị nào.</translation>
    </message>
    <message>
        <source>Follow-up recommendation: the Committee asked for information on it within two years.</source>
        <translation>Khuyến nghị thuộc thủ tục theo dõi: Ủy ban yêu cầu cung cấp thông tin về việc thực hiện trong vòng hai năm.</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <source>Agencies that acted</source>
        <translation>Các cơ quan đã thực hiện</translation>
    </message>
    <message>
        <source>%1 in all, %2 with a result, %3 on track</source>
        <translation>tổng số %1, có kết quả %2, đạt mục tiêu %3</translation>
    </message>
    <message>
        <source>Activities (%1)</source>
        <translation>Hoạt động (%1)</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… và %1 hoạt động khác</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>Save judgment</source>
        <translation>Lưu nhận định</translation>
    </message>
    <message>
        <source>Record the Committee&apos;s grade</source>
        <translation>Ghi mức đánh giá của Ủy ban</translation>
    </message>
    <message>
        <source>Load an official &amp;list…</source>
        <translation>Nạp &amp;danh sách chính thức…</translation>
    </message>
    <message>
        <source>Illustrative summary, not the document&apos;s own recommendation</source>
        <translation>Tóm tắt minh họa, không phải nguyên văn khuyến nghị của văn bản</translation>
    </message>
    <message>
        <source>To check against the document</source>
        <translation>Cần đối chiếu với văn bản</translation>
    </message>
    <message>
        <source>Checked against the document</source>
        <translation>Đã đối chiếu với văn bản</translation>
    </message>
    <message>
        <source>(not attributed to a successor)</source>
        <translation>(chưa phân bổ cho cơ quan kế thừa)</translation>
    </message>
</context>
<context>
    <name>CompletenessModel</name>
    <message>
        <source>The due date has passed.</source>
        <translation>Đã quá hạn gửi báo cáo.</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s) received</source>
        <translation>
            <numerusform>Đã nhận %n phiên bản</numerusform>
        </translation>
    </message>
    <message>
        <source>First received: %1</source>
        <translation>Nhận lần đầu: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: version %2 (%n version(s))</source>
        <translation>
            <numerusform>%1: phiên bản %2 (%n phiên bản)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Not signed (a template, an edited file or a file of the earlier format): %2</source>
        <translation>%1 Không có chữ ký (mẫu báo cáo đã điền, tệp đã sửa hoặc tệp theo định dạng cũ): %2</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Received %1 of %2 · on time %3 · late %4 · on-time rate %5</source>
        <translation>Đã nhận %1/%2 · đúng hạn %3 · muộn %4 · tỷ lệ đúng hạn %5</translation>
    </message>
    <message>
        <source>Includes the former units: %1</source>
        <translation>Gồm cả các đơn vị cũ: %1</translation>
    </message>
    <message>
        <source>A former unit split between %1: its files count for none of them; its activities count for one only through their task</source>
        <translation>Đơn vị cũ được chia cho %1: tệp của đơn vị này không tính cho đơn vị nào trong số đó; hoạt động chỉ được tính cho một đơn vị theo nhiệm vụ của hoạt động</translation>
    </message>
    <message>
        <source>Contact (person · phone · e-mail)</source>
        <translation>Liên hệ (người · điện thoại · thư điện tử)</translation>
    </message>
    <message>
        <source>Contact as of %1</source>
        <translation>Liên hệ cập nhật lúc %1</translation>
    </message>
</context>
<context>
    <name>CompletenessPage</name>
    <message>
        <source>Reading the reporting status…</source>
        <translation>Đang đọc tình hình báo cáo…</translation>
    </message>
    <message>
        <source>Period %1: received %2 of %3 · on time %4 · late %5 · not received %6 · on-time rate %7</source>
        <translation>Kỳ %1: đã nhận %2/%3 · đúng hạn %4 · muộn %5 · chưa nhận %6 · tỷ lệ đúng hạn %7</translation>
    </message>
    <message>
        <source>Reporting status</source>
        <translation>Tình hình báo cáo</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Hiển thị:</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>Tất cả cơ quan</translation>
    </message>
    <message>
        <source>Provinces and cities</source>
        <translation>Tỉnh, thành phố</translation>
    </message>
    <message>
        <source>Ministries and ministerial agencies</source>
        <translation>Bộ, cơ quan ngang bộ</translation>
    </message>
    <message>
        <source>Central bodies</source>
        <translation>Cơ quan trung ương</translation>
    </message>
    <message>
        <source>· n = versions received</source>
        <translation>· n = số phiên bản đã nhận</translation>
    </message>
    <message>
        <source>Counts per period</source>
        <translation>Số liệu theo kỳ báo cáo</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Hạn gửi báo cáo</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>Tỷ lệ đúng hạn</translation>
    </message>
</context>
<context>
    <name>ConsolidatedRecommendationModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Đạt mục tiêu</translation>
    </message>
    <message>
        <source>Implemented</source>
        <translation>Thực hiện</translation>
    </message>
    <message>
        <source>Agencies that acted</source>
        <translation>Các cơ quan đã thực hiện</translation>
    </message>
    <message>
        <source>Indicators on track</source>
        <translation>Chỉ số đạt mục tiêu</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Mức</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Khuyến nghị</translation>
    </message>
    <message>
        <source>Follow-up recommendation</source>
        <translation>Khuyến nghị thuộc thủ tục theo dõi</translation>
    </message>
    <message>
        <source>Follow-up recommendation: the Committee asked for information on it within two years.</source>
        <translation>Khuyến nghị thuộc thủ tục theo dõi: Ủy ban yêu cầu cung cấp thông tin về việc thực hiện trong vòng hai năm.</translation>
    </message>
    <message>
        <source>The Committee&apos;s follow-up grades (A–E), latest last; ? still to check</source>
        <translation>Các mức đánh giá của Ủy ban trong thủ tục theo dõi (A–E), mức gần nhất ở cuối; ? là cần đối chiếu</translation>
    </message>
    <message>
        <source>The focal point&apos;s judgment</source>
        <translation>Nhận định của cơ quan đầu mối</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Known</source>
        <translation>Có ngày</translation>
    </message>
    <message>
        <source>Leave unticked when there is no date</source>
        <translation>Bỏ chọn nếu chưa có ngày</translation>
    </message>
</context>
<context>
    <name>DueDatesDialog</name>
    <message>
        <source>Reporting periods and due dates</source>
        <translation>Kỳ báo cáo và hạn gửi báo cáo</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Hạn gửi báo cáo</translation>
    </message>
    <message>
        <source>Add period</source>
        <translation>Thêm kỳ báo cáo</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save and publish the catalog…</source>
        <translation>Lưu và phát hành danh mục…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Agencies see these dates once they install the catalog update you publish.</source>
        <translation>Các cơ quan sẽ thấy các hạn gửi báo cáo này sau khi cài bản cập nhật danh mục do đầu mối phát hành.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Chưa lưu được</translation>
    </message>
    <message>
        <source>Saved: the catalog is now version %1.</source>
        <translation>Đã lưu: danh mục nay là phiên bản %1.</translation>
    </message>
    <message>
        <source>Publish the catalog update</source>
        <translation>Phát hành bản cập nhật danh mục</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Tên tệp:</translation>
    </message>
    <message>
        <source>Catalog updates (*.json)</source>
        <translation>Tệp cập nhật danh mục (*.json)</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>Chưa phát hành được</translation>
    </message>
    <message>
        <source>Published catalog version %1 to %2; send it to the agencies.</source>
        <translation>Đã phát hành danh mục phiên bản %1 vào %2; hãy gửi tệp này cho các cơ quan.</translation>
    </message>
    <message>
        <source>Data from</source>
        <translation>Số liệu từ ngày</translation>
    </message>
    <message>
        <source>Data to</source>
        <translation>Đến ngày</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export submission</source>
        <translation>Xuất báo cáo</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Kỳ báo cáo:</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>Định dạng:</translation>
    </message>
    <message>
        <source>&amp;Excel workbook (.xlsx)</source>
        <translation>&amp;Tệp Excel (.xlsx)</translation>
    </message>
    <message>
        <source>P&amp;DF report (.pdf)</source>
        <translation>Báo cáo &amp;PDF (.pdf)</translation>
    </message>
    <message>
        <source>Save &amp;in folder:</source>
        <translation>&amp;Lưu vào thư mục:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn thư mục…</translation>
    </message>
    <message>
        <source>File names:</source>
        <translation>Tên tệp:</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>&amp;Xuất</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Mở thư mục</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Version %1: a new version, since the data changed after the last export.</source>
        <translation>Phiên bản %1: phiên bản mới, vì dữ liệu đã thay đổi sau lần xuất trước.</translation>
    </message>
    <message>
        <source>Version 1: the first export of this period.</source>
        <translation>Phiên bản 1: lần xuất đầu tiên của kỳ này.</translation>
    </message>
    <message>
        <source>Version %1 again: nothing changed since it was exported.</source>
        <translation>Vẫn là phiên bản %1: dữ liệu không thay đổi từ lần xuất đó.</translation>
    </message>
    <message>
        <source>Working out the version of the files…</source>
        <translation>Đang xác định phiên bản của tệp…</translation>
    </message>
    <message>
        <source>Choose the folder for the files</source>
        <translation>Chọn thư mục lưu tệp</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Chọn</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Exporting the submission</source>
        <translation>Đang xuất báo cáo</translation>
    </message>
    <message>
        <source>The submission for %1 was saved in the folder
%2

%3

Attach the files to your e-mail to the focal point.</source>
        <translation>Báo cáo kỳ %1 đã được lưu vào thư mục
%2

%3

Hãy đính kèm các tệp này vào thư điện tử gửi cơ quan đầu mối.</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Look in:</source>
        <translation>Tìm trong:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Hiển thị:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Choose the catalog update</source>
        <translation>Chọn tệp cập nhật danh mục</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Catalog updates (*.json)</source>
        <translation>Tệp cập nhật danh mục (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tất cả các tệp (*)</translation>
    </message>
</context>
<context>
    <name>FocalCommands</name>
    <message>
        <source>National report</source>
        <translation>Báo cáo tổng hợp</translation>
    </message>
    <message>
        <source>The national consolidated report for %1: summary, reporting status, areas, recommendations by source (the cycle in force first), assessments and an annex of activities by agency. In which format?</source>
        <translation>Báo cáo tổng hợp năm %1: tóm tắt, tình hình báo cáo, lĩnh vực, khuyến nghị theo nguồn (chu kỳ đang thực hiện xếp trước), đánh giá và phụ lục hoạt động theo cơ quan. Chọn định dạng nào?</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Tệp Excel (.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (.pdf)</source>
        <translation>Tài liệu PDF (.pdf)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>National_report_%1</source>
        <translation>Bao_cao_quoc_gia_%1</translation>
    </message>
    <message>
        <source>The national report was saved:
%1</source>
        <translation>Đã lưu báo cáo tổng hợp:
%1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Reminder list</source>
        <translation>Danh sách nhắc báo cáo</translation>
    </message>
    <message>
        <source>Reminders_%1</source>
        <translation>Danh_sach_nhac_%1</translation>
    </message>
    <message>
        <source>The reminder list was saved:
%1</source>
        <translation>Đã lưu danh sách nhắc báo cáo:
%1</translation>
    </message>
</context>
<context>
    <name>ImportCommands</name>
    <message>
        <source>Choose the submissions to import</source>
        <translation>Chọn các tệp báo cáo cần nhập</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Chọn</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Choose a folder of submissions</source>
        <translation>Chọn thư mục chứa các tệp báo cáo</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Tên tệp:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Import submissions</source>
        <translation>Nhập báo cáo</translation>
    </message>
    <message>
        <source>There is no workbook (.xlsx) to import there.</source>
        <translation>Không có tệp Excel (.xlsx) nào để nhập ở đó.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Undo last import</source>
        <translation>Hoàn tác lần nhập gần nhất</translation>
    </message>
    <message>
        <source>Undo the last import? Every file it imported is taken out again and the data is as it was before that import.</source>
        <translation>Hoàn tác lần nhập gần nhất? Mọi tệp đã nhập trong lần đó sẽ được gỡ bỏ và dữ liệu trở lại như trước lần nhập đó.</translation>
    </message>
    <message>
        <source>Undo the import</source>
        <translation>Hoàn tác lần nhập</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Giữ nguyên</translation>
    </message>
    <message numerus="yes">
        <source>The last import was undone (%n file(s)).</source>
        <translation>
            <numerusform>Đã hoàn tác lần nhập gần nhất (%n tệp).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import submissions</source>
        <translation>Nhập báo cáo</translation>
    </message>
    <message>
        <source>&amp;Accept files edited after export (checked like a filled-in template and marked as edited)</source>
        <translation>&amp;Chấp nhận tệp đã bị sửa sau khi xuất (kiểm tra như mẫu báo cáo đã điền và đánh dấu là đã sửa)</translation>
    </message>
    <message>
        <source>Accept a new &amp;signing key (an agency&apos;s new computer, or an unsigned file over an agency whose files are signed)</source>
        <translation>Chấp nhận &amp;khóa ký mới (máy tính mới của cơ quan, hoặc tệp không có chữ ký của cơ quan có tệp đã ký)</translation>
    </message>
    <message>
        <source>Save &amp;problems…</source>
        <translation>Lưu &amp;danh sách lỗi…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>The import is done. What happened to each file:</source>
        <translation>Đã nhập xong. Kết quả của từng tệp:</translation>
    </message>
    <message numerus="yes">
        <source>Checking %n file(s)…</source>
        <translation>
            <numerusform>Đang kiểm tra %n tệp…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preview of %n file(s). Nothing has been written yet: check the outcome of each file, then press Import.</source>
        <translation>
            <numerusform>Xem trước %n tệp. Chưa có gì được ghi: hãy kiểm tra kết quả của từng tệp rồi bấm Nhập.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported: %1 accepted, %2 refused, %3 unchanged.</source>
        <translation>Kết quả nhập: chấp nhận %1, từ chối %2, không thay đổi %3.</translation>
    </message>
    <message>
        <source>There is no file to import.</source>
        <translation>Không có tệp nào để nhập.</translation>
    </message>
    <message>
        <source>%1 of %2 file(s) would be imported; %3 problem(s) found.</source>
        <translation>Sẽ nhập %1/%2 tệp; phát hiện %3 lỗi.</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Problems in %1 (%2)</source>
        <translation>Lỗi trong %1 (%2)</translation>
    </message>
    <message>
        <source>Checking the files</source>
        <translation>Đang kiểm tra các tệp</translation>
    </message>
    <message>
        <source>%1 (%2): pinned key %3, this file: %4</source>
        <translation>%1 (%2): khóa đã ghim %3, tệp này: %4</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>không có chữ ký</translation>
    </message>
    <message>
        <source>Accept these files although they are not signed by the key pinned for their agency? Do so only after comparing the new fingerprint with the one printed on the agency&apos;s signed letter. The pinned key will be replaced, and the audit log will record it.</source>
        <translation>Nhận các tệp này dù chúng không được ký bằng khóa đã ghim cho cơ quan gửi? Chỉ làm vậy sau khi đã so mã khóa mới với mã khóa in trên công văn có chữ ký của cơ quan. Khóa đã ghim sẽ được thay và việc này được ghi vào nhật ký.</translation>
    </message>
    <message>
        <source>Accept a new signing key</source>
        <translation>Chấp nhận khóa ký mới</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Chấp nhận</translation>
    </message>
    <message>
        <source>Importing the files</source>
        <translation>Đang nhập các tệp</translation>
    </message>
    <message>
        <source>Save the problems as a workbook</source>
        <translation>Lưu danh sách lỗi thành tệp Excel</translation>
    </message>
    <message>
        <source>problems.xlsx</source>
        <translation>danh_sach_loi.xlsx</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The problems were saved to %1</source>
        <translation>Đã lưu danh sách lỗi vào %1</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Kiểm tra &amp;lại</translation>
    </message>
    <message numerus="yes">
        <source>The check of %n file(s) was cancelled; nothing was written. Press Check again to check them.</source>
        <translation>
            <numerusform>Đã hủy kiểm tra %n tệp; chưa có gì được ghi. Bấm Kiểm tra lại để kiểm tra các tệp này.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportOutcome</name>
    <message>
        <source>New submission</source>
        <translation>Báo cáo mới</translation>
    </message>
    <message>
        <source>Newer version: replaces the earlier one</source>
        <translation>Phiên bản mới hơn: thay thế phiên bản trước</translation>
    </message>
    <message>
        <source>Already imported: nothing to do</source>
        <translation>Đã nhập trước đó: không có gì thay đổi</translation>
    </message>
    <message>
        <source>Older version: ignored</source>
        <translation>Phiên bản cũ hơn: bỏ qua</translation>
    </message>
    <message>
        <source>Conflict: same version, different content</source>
        <translation>Xung đột: cùng phiên bản nhưng nội dung khác</translation>
    </message>
    <message>
        <source>Filled-in template</source>
        <translation>Mẫu báo cáo đã điền</translation>
    </message>
    <message>
        <source>Edited after export: accepted, marked as edited</source>
        <translation>Bị sửa sau khi xuất: chấp nhận, đánh dấu là đã sửa</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>from a template</source>
        <translation>từ mẫu báo cáo</translation>
    </message>
    <message>
        <source>edited after export</source>
        <translation>bị sửa sau khi xuất</translation>
    </message>
</context>
<context>
    <name>ImportsPage</name>
    <message>
        <source>Imported submissions</source>
        <translation>Báo cáo đã nhập</translation>
    </message>
    <message>
        <source>Import &amp;files…</source>
        <translation>Nhập &amp;tệp…</translation>
    </message>
    <message>
        <source>Import a f&amp;older…</source>
        <translation>Nhập cả &amp;thư mục…</translation>
    </message>
    <message>
        <source>&amp;Undo last import</source>
        <translation>&amp;Hoàn tác lần nhập gần nhất</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Mã kiểm tra</translation>
    </message>
    <message>
        <source>Nothing imported yet. Choose files or a folder, or drop them on this window: each file is previewed before anything is written.</source>
        <translation>Chưa nhập báo cáo nào. Hãy chọn tệp hoặc thư mục, hoặc kéo thả vào cửa sổ này: từng tệp được xem trước rồi mới ghi.</translation>
    </message>
    <message numerus="yes">
        <source>The last %n file(s) imported or refused, newest first. Files and folders dropped on this window are imported too.</source>
        <translation>
            <numerusform>%n tệp đã nhập hoặc bị từ chối gần nhất, mới nhất ở trên. Có thể kéo thả tệp và thư mục vào cửa sổ này để nhập.</numerusform>
        </translation>
    </message>
    <message>
        <source>unsigned</source>
        <translation>không có chữ ký</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>đã hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <source>Activity</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị tính</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Giá trị cơ sở</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Đạt chỉ tiêu</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation>Chưa có kết quả</translation>
    </message>
    <message>
        <source>Below target</source>
        <translation>Chưa đạt</translation>
    </message>
</context>
<context>
    <name>IndicatorsPage</name>
    <message>
        <source>Filtering the indicators…</source>
        <translation>Đang lọc các chỉ số…</translation>
    </message>
    <message>
        <source>Sorting the indicators…</source>
        <translation>Đang sắp xếp các chỉ số…</translation>
    </message>
    <message>
        <source>Reading the indicators…</source>
        <translation>Đang đọc các chỉ số…</translation>
    </message>
    <message>
        <source>Filter by activity, indicator, unit or note (with or without diacritics)</source>
        <translation>Lọc theo hoạt động, chỉ số, đơn vị tính hoặc ghi chú (gõ có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <source>All indicators</source>
        <translation>Tất cả chỉ số</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Đạt chỉ tiêu</translation>
    </message>
    <message>
        <source>Below target</source>
        <translation>Chưa đạt</translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation>Chưa có kết quả</translation>
    </message>
    <message>
        <source>Indicators of the %1 reporting period</source>
        <translation>Chỉ số của kỳ báo cáo năm %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>Choose an indicator to edit it and its result.</source>
        <translation>Chọn một chỉ số để sửa chỉ số và kết quả của nó.</translation>
    </message>
    <message>
        <source>Edit this indicator and its result in the activity “%1” (Enter or double-click)</source>
        <translation>Sửa chỉ số này và kết quả của nó trong hoạt động “%1” (Enter hoặc nhấp đúp)</translation>
    </message>
    <message>
        <source>This database is open read-only.</source>
        <translation>Cơ sở dữ liệu này được mở ở chế độ chỉ đọc.</translation>
    </message>
    <message>
        <source>This indicator belongs to the task %1, not to an activity; it is kept with the task.</source>
        <translation>Chỉ số này thuộc nhiệm vụ %1, không thuộc hoạt động nào; chỉ số được quản lý cùng nhiệm vụ.</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Focal point</source>
        <translation>Cơ quan đầu mối</translation>
    </message>
    <message>
        <source>Signing keys</source>
        <translation>Khóa ký</translation>
    </message>
    <message>
        <source>This installation&apos;s signing key: %1</source>
        <translation>Khóa ký của máy này: %1</translation>
    </message>
    <message>
        <source>This installation has no signing key yet; it is made at the first export.</source>
        <translation>Máy này chưa có khóa ký; khóa được tạo ở lần xuất tệp đầu tiên.</translation>
    </message>
    <message>
        <source>The agencies&apos; keys pinned here (at each agency&apos;s first signed file). Compare a fingerprint with the one printed on the agency&apos;s signed letter.</source>
        <translation>Khóa của các cơ quan đã ghim tại đây (ở tệp có chữ ký đầu tiên của mỗi cơ quan). Hãy so mã khóa với mã in trên công văn có chữ ký của cơ quan.</translation>
    </message>
    <message>
        <source>The focal point&apos;s key pinned here (at its first signed catalog update).</source>
        <translation>Khóa của cơ quan đầu mối đã ghim tại đây (ở bản cập nhật danh mục có chữ ký đầu tiên).</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Mã khóa</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Ngày ghim</translation>
    </message>
    <message>
        <source>From file</source>
        <translation>Từ tệp</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Khuyến nghị</translation>
    </message>
    <message>
        <source>Reporting status</source>
        <translation>Tình hình báo cáo</translation>
    </message>
    <message>
        <source>Areas and tasks</source>
        <translation>Lĩnh vực và nhiệm vụ</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>Nhập báo cáo</translation>
    </message>
    <message>
        <source>Submissions</source>
        <translation>Báo cáo đã gửi</translation>
    </message>
    <message>
        <source>This database is not set up yet.

Start NAP Reporter without --screenshot to choose the language, your role and your agency.</source>
        <translation>Cơ sở dữ liệu này chưa được thiết lập.

Hãy khởi động NAP Reporter không kèm tùy chọn --screenshot để chọn ngôn ngữ, vai trò và cơ quan của mình.</translation>
    </message>
    <message>
        <source>Not set up yet</source>
        <translation>Chưa thiết lập</translation>
    </message>
    <message>
        <source>Focal point</source>
        <translation>Cơ quan đầu mối</translation>
    </message>
    <message>
        <source> · data %1–%2</source>
        <translation> · số liệu từ %1 đến %2</translation>
    </message>
    <message>
        <source> · due %1</source>
        <translation> · hạn gửi báo cáo %1</translation>
    </message>
    <message>
        <source>Period %1</source>
        <translation>Kỳ báo cáo %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Trạng thái: %1</translation>
    </message>
    <message>
        <source>Nothing exported yet for this period; edits are allowed</source>
        <translation>Chưa xuất báo cáo nào cho kỳ này; được phép chỉnh sửa</translation>
    </message>
    <message>
        <source>At least one version was exported; edits go into the next version</source>
        <translation>Đã xuất ít nhất một phiên bản; các chỉnh sửa sẽ đưa vào phiên bản tiếp theo</translation>
    </message>
    <message>
        <source>No edits until the period is unlocked with a reason</source>
        <translation>Không được chỉnh sửa cho đến khi kỳ báo cáo được mở khóa (có nêu lý do)</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(chưa có tên)</translation>
    </message>
    <message>
        <source>Unsaved activity</source>
        <translation>Hoạt động chưa lưu</translation>
    </message>
    <message>
        <source>The activity «%1» was being edited when the program closed unexpectedly, and it was not saved. Open it to continue?</source>
        <translation>Hoạt động «%1» đang được chỉnh sửa thì chương trình bị đóng đột ngột và chưa được lưu. Mở lại để tiếp tục?</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>Mở lại</translation>
    </message>
    <message>
        <source>Discard it</source>
        <translation>Bỏ bản nháp</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source> (read only)</source>
        <translation> (chỉ đọc)</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Reading the overview…</source>
        <translation>Đang đọc số liệu tổng quan…</translation>
    </message>
    <message>
        <source>No due date is set for this period.</source>
        <translation>Kỳ báo cáo này chưa có hạn gửi báo cáo.</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>đến hạn hôm nay</translation>
    </message>
    <message>
        <source>1 day left</source>
        <translation>còn 1 ngày</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>còn %1 ngày</translation>
    </message>
    <message>
        <source>Overdue by 1 day</source>
        <translation>quá hạn 1 ngày</translation>
    </message>
    <message>
        <source>Overdue by %1 days</source>
        <translation>quá hạn %1 ngày</translation>
    </message>
    <message>
        <source>Indicators: %1, with a result: %2, on track: %3</source>
        <translation>Chỉ số: %1, có kết quả: %2, đạt chỉ tiêu: %3</translation>
    </message>
    <message>
        <source>Overview of %1</source>
        <translation>Tổng quan năm %1</translation>
    </message>
    <message>
        <source>Overview of the %1 reporting period</source>
        <translation>Tổng quan kỳ báo cáo năm %1</translation>
    </message>
    <message>
        <source>Plan in force: Decision %1 — %2</source>
        <translation>Kế hoạch đang có hiệu lực: Quyết định số %1 — %2</translation>
    </message>
    <message>
        <source>No plan is in force for this year.</source>
        <translation>Không có kế hoạch nào có hiệu lực trong năm này.</translation>
    </message>
    <message>
        <source>%1 activities · %2 indicators: %3 with a result, %4 on track</source>
        <translation>%1 hoạt động · %2 chỉ số: %3 có kết quả, %4 đạt chỉ tiêu</translation>
    </message>
    <message>
        <source>Due date %1 — %2</source>
        <translation>Hạn gửi báo cáo %1 — %2</translation>
    </message>
    <message>
        <source>Progress by area</source>
        <translation>Tiến độ theo lĩnh vực</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Đạt chỉ tiêu</translation>
    </message>
    <message>
        <source>Below target</source>
        <translation>Chưa đạt</translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation>Chưa có kết quả</translation>
    </message>
    <message>
        <source>%1 activities</source>
        <translation>%1 hoạt động</translation>
    </message>
    <message>
        <source>%1 of %2 on track</source>
        <translation>%1/%2 đạt chỉ tiêu</translation>
    </message>
    <message>
        <source>no indicators</source>
        <translation>chưa có chỉ số</translation>
    </message>
    <message>
        <source>No area in this plan.</source>
        <translation>Kế hoạch này không có lĩnh vực nào.</translation>
    </message>
    <message>
        <source>Progress by task</source>
        <translation>Tiến độ theo nhiệm vụ</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Đã hoàn thành</translation>
    </message>
    <message>
        <source>Indicators on track</source>
        <translation>Chỉ số đạt chỉ tiêu</translation>
    </message>
    <message>
        <source>No activity recorded yet for this period.</source>
        <translation>Kỳ này chưa có hoạt động nào được ghi nhận.</translation>
    </message>
    <message>
        <source>Still missing for this period&apos;s submission</source>
        <translation>Còn thiếu để hoàn thành báo cáo kỳ này</translation>
    </message>
    <message>
        <source>Tasks with no activity: %1</source>
        <translation>Nhiệm vụ chưa có hoạt động: %1</translation>
    </message>
    <message>
        <source>Indicators with no result: %1</source>
        <translation>Chỉ số chưa có kết quả: %1</translation>
    </message>
    <message>
        <source>Indicators with no result: %1 (the first %2 are listed)</source>
        <translation>Chỉ số chưa có kết quả: %1 (liệt kê %2 chỉ số đầu tiên)</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Nothing is missing: every task has an activity and every indicator has a result.</source>
        <translation>Không còn thiếu nội dung nào: mọi nhiệm vụ đều có hoạt động và mọi chỉ số đều có kết quả.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Khuyến nghị</translation>
    </message>
    <message>
        <source>Follow-up recommendation: the Committee asked for information on it within two years.</source>
        <translation>Khuyến nghị thuộc thủ tục theo dõi: Ủy ban yêu cầu cung cấp thông tin về việc thực hiện trong vòng hai năm.</translation>
    </message>
    <message>
        <source>Agencies that have not reported</source>
        <translation>Cơ quan chưa gửi báo cáo</translation>
    </message>
    <message>
        <source>Recommendations (the cycle in force first; ★ follow-up)</source>
        <translation>Khuyến nghị (chu kỳ đang thực hiện xếp trước; ★ thuộc thủ tục theo dõi)</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>unsigned</source>
        <translation>không có chữ ký</translation>
    </message>
    <message>
        <source>Conflicts with %1</source>
        <translation>Xung đột với %1</translation>
    </message>
    <message>
        <source>Signing key: %1</source>
        <translation>Khóa ký: %1</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Trang tính</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Rule broken</source>
        <translation>Quy tắc bị vi phạm</translation>
    </message>
</context>
<context>
    <name>RecommendationTableModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Đoạn</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Thủ tục theo dõi</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Phản hồi</translation>
    </message>
    <message>
        <source>SDG targets</source>
        <translation>Chỉ tiêu SDG</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Khuyến nghị</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Xác minh</translation>
    </message>
    <message>
        <source>Illustrative summary</source>
        <translation>Tóm tắt minh họa</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Đã xác minh</translation>
    </message>
    <message>
        <source>Not yet verified</source>
        <translation>Chưa xác minh</translation>
    </message>
    <message>
        <source>Follow-up recommendation: the Committee asked for information on it within two years.</source>
        <translation>Khuyến nghị thuộc thủ tục theo dõi: Ủy ban yêu cầu cung cấp thông tin về việc thực hiện trong vòng hai năm.</translation>
    </message>
    <message>
        <source>Secondary source</source>
        <translation>Nguồn thứ cấp</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>Cần đối chiếu</translation>
    </message>
    <message>
        <source>still to check: %1</source>
        <translation>còn cần đối chiếu: %1</translation>
    </message>
    <message>
        <source>paragraph</source>
        <translation>số đoạn</translation>
    </message>
    <message>
        <source>Vietnamese text</source>
        <translation>nội dung tiếng Việt</translation>
    </message>
    <message>
        <source>English text</source>
        <translation>nội dung tiếng Anh</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>thủ tục theo dõi</translation>
    </message>
    <message>
        <source>response</source>
        <translation>lập trường</translation>
    </message>
</context>
<context>
    <name>RecommendationsPage</name>
    <message>
        <source>Recommendations</source>
        <translation>Khuyến nghị</translation>
    </message>
    <message>
        <source>Filter by code, paragraph, SDG target or words of the text (with or without diacritics)</source>
        <translation>Lọc theo mã, đoạn, chỉ tiêu SDG hoặc từ ngữ trong nội dung (gõ có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <source>Follow-up only</source>
        <translation>Chỉ khuyến nghị thuộc thủ tục theo dõi</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>No recommendation selected.</source>
        <translation>Chưa chọn khuyến nghị nào.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Đoạn</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Thủ tục theo dõi</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Phản hồi</translation>
    </message>
    <message>
        <source>SDG targets</source>
        <translation>Chỉ tiêu SDG</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Xác minh</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>Tiếng Việt</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Tiếng Anh</translation>
    </message>
    <message>
        <source>Where it comes from</source>
        <translation>Nguồn gốc</translation>
    </message>
</context>
<context>
    <name>ReportSettingsDialog</name>
    <message>
        <source>Report settings</source>
        <translation>Thiết lập báo cáo</translation>
    </message>
    <message>
        <source>These details appear on the official PDF report (Decree 30/2020/NĐ-CP): the issuing authority, the document number, the place, the signer and the recipients. Write them in Vietnamese, as they should be printed.</source>
        <translation>Các thông tin này được in trên báo cáo PDF chính thức (Nghị định 30/2020/NĐ-CP): cơ quan ban hành, số và ký hiệu văn bản, địa danh, người ký và nơi nhận. Hãy viết đúng như sẽ in.</translation>
    </message>
    <message>
        <source>&amp;Governing body:</source>
        <translation>Cơ quan &amp;chủ quản:</translation>
    </message>
    <message>
        <source>&amp;Issuing unit:</source>
        <translation>Cơ quan &amp;ban hành:</translation>
    </message>
    <message>
        <source>Document &amp;number:</source>
        <translation>&amp;Số, ký hiệu:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>Đị&amp;a danh:</translation>
    </message>
    <message>
        <source>Signer&apos;s &amp;title:</source>
        <translation>&amp;Quyền hạn, chức vụ người ký:</translation>
    </message>
    <message>
        <source>Signer&apos;s na&amp;me:</source>
        <translation>&amp;Họ tên người ký:</translation>
    </message>
    <message>
        <source>&amp;Recipients:</source>
        <translation>&amp;Nơi nhận:</translation>
    </message>
    <message>
        <source>One line per printed line</source>
        <translation>Mỗi dòng in là một dòng</translation>
    </message>
    <message>
        <source>Only when a unit under the governing body issues the report</source>
        <translation>Chỉ điền khi một đơn vị trực thuộc ban hành báo cáo</translation>
    </message>
    <message>
        <source>One recipient per line</source>
        <translation>Mỗi nơi nhận một dòng</translation>
    </message>
    <message>
        <source>Print &amp;today&apos;s date (otherwise day and month are left blank for the clerk)</source>
        <translation>In &amp;ngày hôm nay (nếu không, để trống ngày, tháng cho văn thư điền)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Restore &amp;defaults</source>
        <translation>&amp;Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Welcome to NAP Reporter</source>
        <translation>Chào mừng đến với NAP Reporter</translation>
    </message>
    <message>
        <source>Before the first use, tell the program who reports. You can work offline; your reports travel as files.</source>
        <translation>Trước khi sử dụng lần đầu, vui lòng cho biết cơ quan thực hiện báo cáo. Phần mềm hoạt động không cần kết nối Internet; báo cáo được gửi dưới dạng tệp.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Ngôn ngữ:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Vai trò:</translation>
    </message>
    <message>
        <source>&amp;Reporting agency (province, city, ministry or central agency)</source>
        <translation>Cơ quan &amp;gửi báo cáo (tỉnh, thành phố, bộ hoặc cơ quan trung ương)</translation>
    </message>
    <message>
        <source>&amp;Focal point (Ministry of Justice)</source>
        <translation>Cơ quan đầu &amp;mối (Bộ Tư pháp)</translation>
    </message>
    <message>
        <source>&amp;Agency:</source>
        <translation>&amp;Cơ quan:</translation>
    </message>
    <message>
        <source>Type to search, for example: vinh long</source>
        <translation>Gõ để tìm, ví dụ: vinh long</translation>
    </message>
    <message>
        <source>&amp;Contact person:</source>
        <translation>Người &amp;liên hệ:</translation>
    </message>
    <message>
        <source>Name, position, telephone</source>
        <translation>Họ tên, chức vụ, số điện thoại</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Bắt đầu</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>S&amp;hared database:</source>
        <translation>Cơ sở dữ liệu dùng ch&amp;ung:</translation>
    </message>
    <message>
        <source>optional, for several analysts: postgresql://user@host/dbname</source>
        <translation>không bắt buộc, khi nhiều chuyên viên cùng làm: postgresql://người_dùng@máy_chủ/tên</translation>
    </message>
</context>
<context>
    <name>SubmissionTableModel</name>
    <message>
        <source>Agency</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Ngày tạo</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation>Mã kiểm tra nội dung</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>%1 (superseded)</source>
        <translation>%1 (đã được thay thế)</translation>
    </message>
</context>
<context>
    <name>SubmissionsPage</name>
    <message>
        <source>Lock period %1</source>
        <translation>Khóa kỳ báo cáo %1</translation>
    </message>
    <message>
        <source>Lock the period %1? No activity or result of %1 can be changed until the period is unlocked, which asks for a reason.</source>
        <translation>Khóa kỳ báo cáo %1? Sẽ không sửa được hoạt động hay kết quả nào của kỳ %1 cho đến khi mở khóa; khi mở khóa phải nêu lý do.</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Khóa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Submissions</source>
        <translation>Báo cáo đã gửi</translation>
    </message>
    <message>
        <source>No submission exported yet.
Each export of this period&apos;s report becomes a new version listed here.</source>
        <translation>Chưa xuất báo cáo nào.
Mỗi lần xuất báo cáo của kỳ này sẽ tạo một phiên bản mới và được liệt kê tại đây.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất báo cáo…</translation>
    </message>
    <message>
        <source>&amp;Lock period</source>
        <translation>&amp;Khóa kỳ báo cáo</translation>
    </message>
    <message>
        <source>&amp;Unlock period…</source>
        <translation>&amp;Mở khóa kỳ báo cáo…</translation>
    </message>
    <message>
        <source>No edits to this period until it is unlocked</source>
        <translation>Không sửa được kỳ này cho đến khi mở khóa</translation>
    </message>
    <message>
        <source>Allow edits again; asks for the reason</source>
        <translation>Cho phép sửa lại; cần nêu lý do</translation>
    </message>
    <message>
        <source>nothing exported yet, edits allowed</source>
        <translation>chưa xuất báo cáo, được phép sửa</translation>
    </message>
    <message>
        <source>exported at least once; edits go into the next version</source>
        <translation>đã xuất ít nhất một lần; nội dung sửa sẽ vào phiên bản sau</translation>
    </message>
    <message>
        <source>no edits until it is unlocked with a reason</source>
        <translation>không sửa được cho đến khi mở khóa kèm lý do</translation>
    </message>
    <message>
        <source>Period %1 is %2: %3.</source>
        <translation>Kỳ báo cáo %1 %2: %3.</translation>
    </message>
    <message>
        <source>Period %1</source>
        <translation>Kỳ báo cáo %1</translation>
    </message>
    <message>
        <source>Lock period</source>
        <translation>Khóa kỳ báo cáo</translation>
    </message>
    <message>
        <source>Unlock period</source>
        <translation>Mở khóa kỳ báo cáo</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock period %1</source>
        <translation>Mở khóa kỳ báo cáo %1</translation>
    </message>
    <message>
        <source>Why is the period %1 unlocked? The reason is recorded with the date.</source>
        <translation>Vì sao mở khóa kỳ báo cáo %1? Lý do được ghi lại cùng ngày giờ.</translation>
    </message>
    <message>
        <source>e.g. add the results of December</source>
        <translation>ví dụ: bổ sung kết quả tháng 12</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Mở khóa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Export submission…</source>
        <translation>&amp;Xuất báo cáo…</translation>
    </message>
    <message>
        <source>Install a &amp;catalog update…</source>
        <translation>Cài bản cập nhật &amp;danh mục…</translation>
    </message>
    <message>
        <source>Periods and &amp;due dates; publish the catalog…</source>
        <translation>Kỳ báo cáo và &amp;hạn gửi báo cáo; phát hành danh mục…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;About NAP Reporter</source>
        <translation>&amp;Giới thiệu NAP Reporter</translation>
    </message>
    <message>
        <source>Signing &amp;keys…</source>
        <translation>&amp;Khóa ký…</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Nhập báo cáo từ tệp…</translation>
    </message>
    <message>
        <source>Import a f&amp;older…</source>
        <translation>Nhập cả &amp;thư mục…</translation>
    </message>
    <message>
        <source>&amp;Undo last import</source>
        <translation>&amp;Hoàn tác lần nhập gần nhất</translation>
    </message>
    <message>
        <source>&amp;National report…</source>
        <translation>Báo cáo tổn&amp;g hợp…</translation>
    </message>
    <message>
        <source>&amp;Report: number, signer, recipients…</source>
        <translation>&amp;Báo cáo: số văn bản, người ký, nơi nhận…</translation>
    </message>
    <message>
        <source>Carry unfinished activities to next period…</source>
        <translation>Chuyển hoạt động chưa hoàn thành sang kỳ sau…</translation>
    </message>
    <message>
        <source>Carry over to next period…</source>
        <translation>Chuyển sang kỳ sau…</translation>
    </message>
    <message>
        <source>Copy the planned, in-progress and postponed activities of this period into the next one</source>
        <translation>Sao chép các hoạt động chưa bắt đầu, đang thực hiện và tạm hoãn của kỳ này sang kỳ sau</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>&amp;New activity</source>
        <translation>&amp;Thêm hoạt động</translation>
    </message>
    <message>
        <source>&amp;Delete activity</source>
        <translation>&amp;Xóa hoạt động</translation>
    </message>
    <message>
        <source>&amp;Find activities</source>
        <translation>Tìm &amp;kiếm hoạt động</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Kỳ báo cáo:</translation>
    </message>
    <message>
        <source>The reporting period (calendar year) shown</source>
        <translation>Kỳ báo cáo (năm dương lịch) đang hiển thị</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Nhật ký thay đổi…</translation>
    </message>
    <message>
        <source>S&amp;hared database…</source>
        <translation>Cơ sở dữ liệu dùng ch&amp;ung…</translation>
    </message>
    <message>
        <source>&amp;Reminder list of agencies not reported…</source>
        <translation>Danh sách &amp;nhắc các cơ quan chưa báo cáo…</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Hướng dẫn</translation>
    </message>
    <message>
        <source>&amp;Back up the database…</source>
        <translation>Sa&amp;o lưu cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>Save the &amp;blank template…</source>
        <translation>Lưu &amp;mẫu báo cáo trống…</translation>
    </message>
    <message>
        <source>Res&amp;tore from a backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <source>Catalog update not installed</source>
        <translation>Chưa cài được bản cập nhật danh mục</translation>
    </message>
    <message>
        <source>Catalog version %1 is installed (it was %2).</source>
        <translation>Đã cài danh mục phiên bản %1 (trước đó: %2).</translation>
    </message>
    <message>
        <source>This catalog (version %1) is not newer than the one installed (version %2); nothing was changed.</source>
        <translation>Danh mục này (phiên bản %1) không mới hơn danh mục đang dùng (phiên bản %2); không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Catalog update</source>
        <translation>Cập nhật danh mục</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>About NAP Reporter</source>
        <translation>Giới thiệu NAP Reporter</translation>
    </message>
    <message>
        <source>NAP Reporter %1

Reporting on the implementation of Viet Nam&apos;s National Action Plans for the International Covenant on Civil and Political Rights (ICCPR) and the recommendations of the UN Human Rights Committee.

Works offline; submissions travel as files.</source>
        <translation>NAP Reporter %1

Phần mềm báo cáo tình hình thực hiện các Kế hoạch hành động quốc gia của Việt Nam triển khai Công ước quốc tế về các quyền dân sự và chính trị (ICCPR) và các khuyến nghị của Ủy ban Nhân quyền Liên hợp quốc.

Có thể sử dụng mà không cần kết nối Internet; báo cáo được gửi dưới dạng tệp.</translation>
    </message>
    <message>
        <source>Carry unfinished activities to next period</source>
        <translation>Chuyển hoạt động chưa hoàn thành sang kỳ sau</translation>
    </message>
    <message>
        <source>There is no period %1 in the catalog yet.</source>
        <translation>Danh mục chưa có kỳ báo cáo %1.</translation>
    </message>
    <message>
        <source>There are no unfinished activities in %1.</source>
        <translation>Kỳ báo cáo %1 không có hoạt động nào chưa hoàn thành.</translation>
    </message>
    <message>
        <source>Every unfinished activity of %1 has already been carried into %2.</source>
        <translation>Mọi hoạt động chưa hoàn thành của kỳ %1 đã được chuyển sang kỳ %2.</translation>
    </message>
    <message numerus="yes">
        <source>Copy the %n unfinished activities (planned, in progress or postponed) of %1 into %2?

Their indicators come along without results. Activities carried over before are not copied again.</source>
        <translation>
            <numerusform>Sao chép %n hoạt động chưa hoàn thành (chưa bắt đầu, đang thực hiện hoặc tạm hoãn) của kỳ %1 sang kỳ %2?

Các chỉ số được sao chép kèm theo nhưng không có kết quả. Những hoạt động đã chuyển trước đây sẽ không được sao chép lại.</numerusform>
        </translation>
    </message>
    <message>
        <source>Carry over</source>
        <translation>Chuyển</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message numerus="yes">
        <source>%n activities were carried from %1 into %2.</source>
        <translation>
            <numerusform>Đã chuyển %n hoạt động từ kỳ %1 sang kỳ %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Mở kỳ %1</translation>
    </message>
    <message>
        <source>Stay on %1</source>
        <translation>Ở lại kỳ %1</translation>
    </message>
    <message>
        <source>This catalog update is not signed by the focal point&apos;s key pinned here. Install it only if you are sure the Ministry of Justice sent it (compare the key&apos;s fingerprint with the one the Ministry gave you by telephone or letter). A signed update&apos;s key then replaces the pinned one; the audit log records the acceptance.</source>
        <translation>Bản cập nhật danh mục này không được ký bằng khóa của cơ quan đầu mối đã ghim tại đây. Chỉ cài nếu chắc chắn tệp do Bộ Tư pháp gửi (hãy so mã khóa với mã Bộ đã báo qua điện thoại hoặc công văn). Nếu bản cập nhật có chữ ký, khóa của nó sẽ thay khóa đã ghim; việc chấp nhận được ghi vào nhật ký thay đổi.</translation>
    </message>
    <message>
        <source>Accept a catalog update with another key</source>
        <translation>Chấp nhận bản cập nhật danh mục ký bằng khóa khác</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Cài đặt</translation>
    </message>
</context>
<context>
    <name>Splash</name>
    <message>
        <source>Opening %1…</source>
        <translation>Đang mở %1…</translation>
    </message>
    <message>
        <source>Filling the demo database…</source>
        <translation>Đang tạo dữ liệu mẫu…</translation>
    </message>
    <message>
        <source>Preparing the window…</source>
        <translation>Đang chuẩn bị cửa sổ…</translation>
    </message>
</context>
<context>
    <name>ActivitiesReading</name>
    <message>
        <source>Filtering the activities…</source>
        <translation>Đang lọc các hoạt động…</translation>
    </message>
    <message>
        <source>Reading the activities… %1</source>
        <translation>Đang đọc các hoạt động… %1</translation>
    </message>
    <message>
        <source>Reading the activities…</source>
        <translation>Đang đọc các hoạt động…</translation>
    </message>
    <message>
        <source>Sorting the activities…</source>
        <translation>Đang sắp xếp các hoạt động…</translation>
    </message>
</context>
<context>
    <name>CommitteeGradeEditor</name>
    <message>
        <source>The Committee&apos;s assessment (A–E), a fact from its documents</source>
        <translation>Đánh giá của Ủy ban Nhân quyền (A–E), theo văn bản của Ủy ban</translation>
    </message>
    <message>
        <source>&amp;Grade (A–E):</source>
        <translation>&amp;Mức đánh giá (A–E):</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Văn bản:</translation>
    </message>
    <message>
        <source>Document &amp;date:</source>
        <translation>&amp;Ngày văn bản:</translation>
    </message>
    <message>
        <source>&amp;Element graded:</source>
        <translation>Nội dung được đánh &amp;giá:</translation>
    </message>
    <message>
        <source>The Committee&apos;s symbol, e.g. CCPR/C/…</source>
        <translation>Ký hiệu văn bản của Ủy ban, ví dụ CCPR/C/…</translation>
    </message>
    <message>
        <source>Empty: the whole recommendation</source>
        <translation>Để trống: toàn bộ khuyến nghị</translation>
    </message>
    <message>
        <source>&amp;Record the Committee&apos;s grade</source>
        <translation>&amp;Ghi mức đánh giá của Ủy ban</translation>
    </message>
    <message>
        <source>Choose a grade</source>
        <translation>Chọn mức đánh giá</translation>
    </message>
    <message>
        <source>No grade of the Committee recorded.</source>
        <translation>Chưa ghi mức đánh giá nào của Ủy ban.</translation>
    </message>
</context>
<context>
    <name>RecommendationListDialog</name>
    <message>
        <source>Load an official list of recommendations</source>
        <translation>Nạp danh sách khuyến nghị chính thức</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <source>The number opens the text (“155.1 …”)</source>
        <translation>Số hiệu ở đầu nội dung (“155.1 …”)</translation>
    </message>
    <message>
        <source>The recommending State closes the text (“… (Chile);”)</source>
        <translation>Quốc gia khuyến nghị ở cuối nội dung (“… (Chile);”)</translation>
    </message>
    <message>
        <source>Name for these columns</source>
        <translation>Tên cho cách đọc cột này</translation>
    </message>
    <message>
        <source>Sa&amp;ve mapping</source>
        <translation>&amp;Lưu cách đọc cột</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Tệp:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Nguồn:</translation>
    </message>
    <message>
        <source>&amp;Mapping:</source>
        <translation>&amp;Cách đọc cột:</translation>
    </message>
    <message>
        <source>Column headings as printed in the file</source>
        <translation>Tên cột như in trong tệp</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Xem trước</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Nạp</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Số hiệu:</translation>
    </message>
    <message>
        <source>Paragraph:</source>
        <translation>Đoạn:</translation>
    </message>
    <message>
        <source>Text (English):</source>
        <translation>Nội dung (tiếng Anh):</translation>
    </message>
    <message>
        <source>Text (Vietnamese):</source>
        <translation>Nội dung (tiếng Việt):</translation>
    </message>
    <message>
        <source>Recommending States:</source>
        <translation>Quốc gia khuyến nghị:</translation>
    </message>
    <message>
        <source>Response:</source>
        <translation>Lập trường:</translation>
    </message>
    <message>
        <source>Themes:</source>
        <translation>Chủ đề:</translation>
    </message>
    <message>
        <source>SDG targets:</source>
        <translation>Mục tiêu SDG:</translation>
    </message>
    <message>
        <source>Affected persons:</source>
        <translation>Đối tượng bị ảnh hưởng:</translation>
    </message>
    <message>
        <source>Checked against a published file.</source>
        <translation>Đã đối chiếu với một tệp đã công bố.</translation>
    </message>
    <message>
        <source>Not checked against a published file: compare the headings with your file.</source>
        <translation>Chưa đối chiếu với tệp đã công bố: hãy so tên cột với tệp của bạn.</translation>
    </message>
    <message>
        <source>Universal Human Rights Index export (uhri.ohchr.org). Its search fields (themes, affected persons, SDGs) are documented; the column headings of its export are an assumption, not compared with a downloaded file.</source>
        <translation>Tệp xuất từ Chỉ mục Nhân quyền toàn cầu (uhri.ohchr.org). Các trường tìm kiếm (chủ đề, nhóm người chịu tác động, mục tiêu SDG) có tài liệu mô tả; tên các cột của tệp xuất là giả định, chưa so với một tệp tải về.</translation>
    </message>
    <message>
        <source>OHCHR matrix of recommendations of a UPR cycle, one recommendation a row (“155.1 Text … (State);”). Its column of assessments of the level of implementation is documented (upr-info.org); the other headings, and the number and State inside the text, are assumptions.</source>
        <translation>Ma trận khuyến nghị của OHCHR cho một chu kỳ UPR, mỗi dòng một khuyến nghị (“155.1 Nội dung … (Quốc gia);”). Cột đánh giá mức độ thực hiện của ma trận có tài liệu mô tả (upr-info.org); các tên cột khác, cũng như số thứ tự và quốc gia nằm trong nội dung, là giả định.</translation>
    </message>
    <message>
        <source>Choose the list of recommendations</source>
        <translation>Chọn danh sách khuyến nghị</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Chọn</translation>
    </message>
    <message>
        <source>Spreadsheets and CSV (*.xlsx *.csv)</source>
        <translation>Tệp Excel và CSV (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>Lưu cách đọc cột</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Nạp</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Activities</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Submissions</source>
        <translation>Báo cáo đã gửi</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>Nhập báo cáo</translation>
    </message>
    <message>
        <source>Agencies and their keys</source>
        <translation>Cơ quan và khóa ký</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <source>This installation&apos;s key</source>
        <translation>Khóa ký của máy này</translation>
    </message>
    <message>
        <source>Restores</source>
        <translation>Khôi phục dữ liệu</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Dữ liệu mẫu</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Xuất nhật ký thay đổi</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Tên tệp:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Showing %1 of %2 events</source>
        <translation>Đang hiện %1 trong %2 sự kiện</translation>
    </message>
    <message>
        <source>Audit log not exported</source>
        <translation>Chưa xuất được nhật ký thay đổi</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Nhật ký thay đổi</translation>
    </message>
    <message>
        <source>Wrote %1 events to %2.</source>
        <translation>Đã ghi %1 sự kiện vào %2.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <source>title, code, user, field…</source>
        <translation>tên, mã, người dùng, trường…</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Show &amp;more</source>
        <translation>Hiện &amp;thêm</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất ra tệp…</translation>
    </message>
</context>
<context>
    <name>AuditTable</name>
    <message>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Name / code</source>
        <translation>Tên / mã</translation>
    </message>
    <message>
        <source>Changes (old → new)</source>
        <translation>Thay đổi (cũ → mới)</translation>
    </message>
</context>
<context>
    <name>ProvenanceMarks</name>
    <message>
        <source>Where it comes from: not said in the catalog</source>
        <translation>Nguồn gốc: danh mục không ghi</translation>
    </message>
    <message>
        <source>document not named</source>
        <translation>chưa ghi văn bản</translation>
    </message>
    <message>
        <source>decision number</source>
        <translation>số quyết định</translation>
    </message>
    <message>
        <source>date signed</source>
        <translation>ngày ký</translation>
    </message>
    <message>
        <source>Vietnamese title</source>
        <translation>tên tiếng Việt</translation>
    </message>
    <message>
        <source>English title</source>
        <translation>tên tiếng Anh</translation>
    </message>
    <message>
        <source>first year</source>
        <translation>năm bắt đầu</translation>
    </message>
    <message>
        <source>last year</source>
        <translation>năm kết thúc</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>hạn gửi báo cáo</translation>
    </message>
    <message>
        <source>data range</source>
        <translation>khoảng thời gian lấy số liệu</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>nhiệm vụ</translation>
    </message>
    <message>
        <source>Checked against the document</source>
        <translation>Đã đối chiếu với văn bản</translation>
    </message>
    <message>
        <source>Secondary source</source>
        <translation>Nguồn thứ cấp</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>Cần đối chiếu</translation>
    </message>
    <message>
        <source>still to check: %1</source>
        <translation>còn cần đối chiếu: %1</translation>
    </message>
    <message>
        <source>paragraph</source>
        <translation>số đoạn</translation>
    </message>
</context>
<context>
    <name>ServerPassword</name>
    <message>
        <source>Database password</source>
        <translation>Mật khẩu cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>The server %1 asks for the password of your database role. It is used for this session only and never saved; to be asked no more, put it in PostgreSQL&apos;s password file (~/.pgpass).</source>
        <translation>Máy chủ %1 đòi mật khẩu của vai trò cơ sở dữ liệu của bạn. Mật khẩu chỉ dùng cho phiên làm việc này và không bao giờ được lưu; để không bị hỏi nữa, hãy ghi nó vào tệp mật khẩu của PostgreSQL (~/.pgpass).</translation>
    </message>
</context>
<context>
    <name>SharedDatabase</name>
    <message>
        <source>Shared database</source>
        <translation>Cơ sở dữ liệu dùng chung</translation>
    </message>
    <message>
        <source>The PostgreSQL database the analysts share, for example postgresql://lan@db.moj.gov.vn/nap. Leave it empty to use this computer&apos;s database file.</source>
        <translation>Cơ sở dữ liệu PostgreSQL mà các chuyên viên dùng chung, ví dụ postgresql://lan@db.moj.gov.vn/nap. Để trống để dùng tệp cơ sở dữ liệu trên máy tính này.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>“%1” is not a PostgreSQL address (postgresql://user@host[:port]/dbname); nothing was changed.</source>
        <translation>«%1» không phải địa chỉ PostgreSQL (postgresql://người_dùng@máy_chủ[:cổng]/tên); không có gì thay đổi.</translation>
    </message>
    <message>
        <source>From the next start the window opens %1.</source>
        <translation>Từ lần khởi động sau, cửa sổ sẽ mở %1.</translation>
    </message>
    <message>
        <source>From the next start the window opens this computer&apos;s database file.</source>
        <translation>Từ lần khởi động sau, cửa sổ sẽ mở tệp cơ sở dữ liệu trên máy tính này.</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Tên tệp:</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Sao lưu cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Backups (*.sqlite)</source>
        <translation>Bản sao lưu (*.sqlite)</translation>
    </message>
    <message>
        <source>The backup was written to %1.</source>
        <translation>Đã ghi bản sao lưu vào %1.</translation>
    </message>
    <message>
        <source>Save the blank template</source>
        <translation>Lưu mẫu báo cáo trống</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The blank template was written to %1.</source>
        <translation>Đã ghi mẫu báo cáo trống vào %1.</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Chọn</translation>
    </message>
    <message>
        <source>Replace all the data of this database with the backup %1? The backup is checked first, and a copy of the present data is kept in the backups folder.</source>
        <translation>Thay toàn bộ dữ liệu của cơ sở dữ liệu này bằng bản sao lưu %1? Bản sao lưu được kiểm tra trước, và một bản sao của dữ liệu hiện có được giữ trong thư mục sao lưu.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <source>Restore anyway</source>
        <translation>Vẫn khôi phục</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>The data as it was before is kept in %1.</source>
        <translation>Dữ liệu như trước khi khôi phục được giữ tại %1.</translation>
    </message>
    <message>
        <source>The database was restored from %1.</source>
        <translation>Cơ sở dữ liệu đã được khôi phục từ %1.</translation>
    </message>
    <message>
        <source>The backup %1 is a database of the role “%2”, while this one is of the role “%3”. Restore it anyway? The window then shows that role&apos;s pages.</source>
        <translation>Bản sao lưu %1 là cơ sở dữ liệu của vai trò “%2”, còn cơ sở dữ liệu này thuộc vai trò “%3”. Vẫn khôi phục? Cửa sổ sẽ chuyển sang các trang của vai trò đó.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Guide</source>
        <translation>Hướng dẫn</translation>
    </message>
</context>
<context>
    <name>NotReportedList</name>
    <message>
        <source>Agencies that have not reported for %1: %2 of %3</source>
        <translation>Cơ quan chưa gửi báo cáo năm %1: %2 trên %3</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Contact as of %1</source>
        <translation>Thông tin liên hệ cập nhật ngày %1</translation>
    </message>
    <message>
        <source>Every agency that had to report for %1 has reported (%2).</source>
        <translation>Tất cả cơ quan phải báo cáo năm %1 đã gửi báo cáo (%2).</translation>
    </message>
    <message>
        <source>No contact is known yet: it comes with the agency&apos;s first file, or is set on the Reporting status page.</source>
        <translation>Chưa có thông tin liên hệ: thông tin có trong tệp đầu tiên cơ quan gửi, hoặc được nhập tại trang Tình hình báo cáo.</translation>
    </message>
    <message>
        <source>Now part of: %1</source>
        <translation>Nay thuộc: %1</translation>
    </message>
    <message>
        <source>Save the reminder list…</source>
        <translation>Lưu danh sách nhắc báo cáo…</translation>
    </message>
    <message>
        <source>The agencies that have not reported, with their contacts, as a workbook that prints on A4 (File &gt; Reminder list of agencies not reported)</source>
        <translation>Các cơ quan chưa gửi báo cáo, kèm thông tin liên hệ, thành tệp Excel in trên khổ A4 (Tệp &gt; Danh sách nhắc các cơ quan chưa báo cáo)</translation>
    </message>
    <message>
        <source>Contact: person · phone · e-mail</source>
        <translation>Người liên hệ · điện thoại · thư điện tử</translation>
    </message>
</context>
<context>
    <name>ReadOnlyHint</name>
    <message>
        <source>Read only: your role on this shared database may read but not change the data, so editing is turned off here.</source>
        <translation>Chỉ đọc: vai trò của bạn trên cơ sở dữ liệu dùng chung này chỉ được xem, không được thay đổi dữ liệu, nên việc chỉnh sửa ở đây đã bị tắt.</translation>
    </message>
    <message>
        <source>Read only: your role may not change the data</source>
        <translation>Chỉ đọc: vai trò của bạn không được thay đổi dữ liệu</translation>
    </message>
</context>
</TS>
