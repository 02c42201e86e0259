"""The words for the core's problem codes and the command line's own messages.

Both faces use this table: the command line prints the chosen language first
and the other after; the window shows the user's language.

It is one piece on purpose, longer than the house's usual file: a translator reads
and checks the two languages side by side in one table, tests/test_messages.py checks
that every code the core raises has both, and the glossary test reads it whole.
"""

from __future__ import annotations

import locale
import os
import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from desktop_app.core.problems import Location, Problem

LANGS = ("vi", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    # values and fields
    "value.required": ("Trường này là bắt buộc.", "This field is required."),
    "value.too_long": ("Quá dài: {length} ký tự, tối đa {max}.",
                       "Too long: {length} characters, at most {max}."),
    "value.not_in_list": ("Giá trị «{value}» không có trong danh sách.",
                          "The value “{value}” is not one of the choices."),
    "value.negative": ("Không được là số âm ({value}).", "Must not be negative ({value})."),
    "value.not_number": ("«{value}» không phải là số.", "“{value}” is not a number."),
    "value.not_whole_number": ("«{value}» phải là số nguyên.",
                               "“{value}” must be a whole number."),
    "value.too_large": ("Quá lớn: {value}, tối đa {max}.", "Too large: {value}, at most {max}."),
    "value.date_out_of_range": ("Ngày {value} nằm ngoài khoảng {min} – {max}.",
                                "The date {value} is outside {min} – {max}."),
    "date.end_before_start": ("Ngày kết thúc {end} trước ngày bắt đầu {start}.",
                              "The end date {end} is before the start date {start}."),
    "code.unknown_task": ("Không có nhiệm vụ mã «{code}» trong danh mục.",
                          "There is no task with the code “{code}” in the catalog."),
    "code.unknown_recommendation": (
        "Không có khuyến nghị mã «{code}» trong danh mục.",
        "There is no recommendation with the code “{code}” in the catalog."),
    "code.duplicate_link": ("Khuyến nghị «{code}» được chọn hai lần.",
                            "The recommendation “{code}” is linked twice."),
    # agencies, periods, setup
    "agency.unknown": (
        "Không có cơ quan mã «{code}». Xem danh sách bằng lệnh: nap-reporter agencies",
        "There is no agency with the code “{code}”. List them with: nap-reporter agencies"),
    "agency.missing": ("Vai trò cơ quan cần mã cơ quan: --agency MÃ",
                       "The agency role needs an agency code: --agency CODE"),
    "agency.not_for_focal_point": (
        "Vai trò đầu mối không gắn với một cơ quan báo cáo; hãy bỏ --agency.",
        "The focal-point role is not tied to one reporting agency; leave out --agency."),
    "period.unknown": ("Không có kỳ báo cáo {period} trong danh mục.",
                       "There is no reporting period {period} in the catalog."),
    "period.malformed": ("Kỳ báo cáo phải là năm có bốn chữ số, không phải «{value}».",
                         "A period is a four-digit year, not “{value}”."),
    "init.already": (
        "Cơ sở dữ liệu này đã được khởi tạo (vai trò {role}, cơ quan {agency}); "
        "hãy dùng tệp khác với --db.",
        "This database is already set up (role {role}, agency {agency}); "
        "use another file with --db."),
    "role.not_agency": ("Chỉ cơ sở dữ liệu của cơ quan báo cáo mới ghi được hoạt động.",
                        "Only a reporting agency's database records activities."),
    "period.locked": ("Kỳ báo cáo {period} đã bị khóa; hãy mở khóa (kèm lý do) để sửa.",
                      "The period {period} is locked; unlock it (with a reason) to edit."),
    "activity.unknown": ("Không tìm thấy hoạt động {uuid}.", "There is no activity {uuid}."),
    "catalog.no_tasks": ("Danh mục không có nhiệm vụ nào cho năm {period}.",
                         "The catalog has no tasks for {period}."),
    # databases
    "db.too_new": (
        "Tệp {file} do phiên bản mới hơn của chương trình tạo ra (lược đồ {revision}); "
        "phiên bản này chỉ đọc đến lược đồ {head}. Tệp được giữ nguyên. "
        "Hãy cập nhật NAP Reporter.",
        "The file {file} was written by a newer version of the program (schema {revision}); "
        "this version reads up to schema {head}. The file was left untouched. "
        "Please update NAP Reporter."),
    "db.not_a_database": ("Tệp {file} không phải là cơ sở dữ liệu SQLite. Tệp được giữ nguyên.",
                          "The file {file} is not an SQLite database. It was left untouched."),
    "db.foreign": (
        "Tệp {file} là cơ sở dữ liệu của chương trình khác. Tệp được giữ nguyên.",
        "The file {file} is another program's database. It was left untouched."),
    "db.unreadable": ("Không đọc được tệp {file}: {detail}",
                      "Cannot read the file {file}: {detail}"),
    "db.is_folder": ("{file} là một thư mục, không phải tệp cơ sở dữ liệu.",
                     "{file} is a folder, not a database file."),
    "db.cannot_create": ("Không tạo được cơ sở dữ liệu {file}: {detail}",
                         "Cannot create the database {file}: {detail}"),
    "db.missing": (
        "Không có cơ sở dữ liệu tại {file}. Hãy khởi tạo bằng lệnh: "
        "nap-reporter --db {file} init --role agency --agency MÃ (hoặc --role focal-point).",
        "There is no database at {file}. Set one up with: "
        "nap-reporter --db {file} init --role agency --agency CODE (or --role focal-point)."),
    "db.url_unsupported": (
        "«{url}» là một địa chỉ, không phải tệp cơ sở dữ liệu. Hãy dùng tệp SQLite: "
        "--db ĐƯỜNG_DẪN.",
        "“{url}” is an address, not a database file. Use an SQLite file: --db PATH."),
    "db.busy": (
        "Cơ sở dữ liệu {file} đang bận: một chương trình khác giữ khóa quá {seconds} giây. "
        "Việc đang làm dở chưa được ghi; hãy thử lại sau.",
        "The database {file} is busy: another program kept it locked for more than "
        "{seconds} s. The work in hand was not written; please try again."),
    "db.damaged": (
        "Cơ sở dữ liệu {file} bị hỏng. Bản sao lưu tự động gần nhất: {backup}. "
        "Khôi phục bằng lệnh: nap-reporter --db {file} restore {backup}",
        "The database {file} is damaged. The latest automatic backup: {backup}. "
        "Restore it with: nap-reporter --db {file} restore {backup}"),
    "db.damaged_no_backup": (
        "Cơ sở dữ liệu {file} bị hỏng và không có bản sao lưu tự động nào. Hãy khôi phục "
        "từ một bản sao lưu của bạn: nap-reporter --db {file} restore TỆP",
        "The database {file} is damaged and there is no automatic backup of it. Restore one "
        "of your own backups: nap-reporter --db {file} restore FILE"),
    "db.backup_damaged": (
        "Bản sao lưu {file} bị hỏng ({detail}); không có gì bị thay thế.",
        "The backup {file} is damaged ({detail}); nothing was replaced."),
    "db.other_role": (
        "Bản sao lưu {file} là của vai trò {backup_role}, còn {db} là của vai trò {role}. "
        "Nếu đúng ý bạn, hãy thêm --accept-other-role. Không có gì bị thay thế.",
        "The backup {file} is of the role {backup_role}, while {db} has the role {role}. "
        "If that is what you want, add --accept-other-role. Nothing was replaced."),
    "db.disk_full": (
        "Không ghi được vào cơ sở dữ liệu {file}: ổ đĩa đã đầy. Việc đang làm dở chưa được ghi.",
        "Cannot write to the database {file}: the disk is full. The work in hand was not "
        "written."),
    "db.cannot_use": (
        "Không dùng được cơ sở dữ liệu {file} ({detail}): ổ đĩa có thể đã đầy hoặc chỉ cho "
        "đọc, hoặc không được ghi vào thư mục của nó. Tệp không bị hỏng; không có gì bị "
        "thay đổi.",
        "Cannot use the database {file} ({detail}): its disk may be full or read-only, or "
        "its folder may not be written to. The file is not damaged; nothing was changed."),
    "db.io_error": (
        "Đọc hoặc ghi cơ sở dữ liệu {file} không thành công ({detail}): ổ đĩa có thể bị lỗi "
        "hoặc đã bị rút ra. Thay đổi đang làm chưa được lưu. Hãy chép tệp sang một ổ khác "
        "rồi mở lại; nếu chương trình báo tệp bị hỏng, hãy khôi phục từ bản sao lưu.",
        "Reading or writing the database {file} failed ({detail}): its disk may be failing "
        "or may have been removed. The change under way was not saved. Copy the file to "
        "another disk and open it again; if the program then says it is damaged, restore "
        "it from its backup."),
    "db.unknown_role": (
        "Cơ sở dữ liệu ghi vai trò «{role}», vai trò mà chương trình không biết (chỉ có "
        "agency hoặc focal-point). Tệp có thể đã bị sửa bằng tay hoặc bằng chương trình "
        "khác; không có gì bị thay đổi.",
        "The database records the role “{role}”, which the program does not know (only "
        "agency or focal-point). The file may have been edited by hand or by another "
        "program; nothing was changed."),
    # files and catalogs
    "file.not_found": ("Không tìm thấy tệp {file}.", "The file {file} does not exist."),
    "file.unreadable": ("Không đọc được tệp {file}: {detail}",
                        "Cannot read the file {file}: {detail}"),
    "file.cannot_write": ("Không ghi được tệp {file}: {detail}. Không có gì bị thay đổi.",
                          "Cannot write the file {file}: {detail}. Nothing was changed."),
    "catalog.too_large": ("Tệp danh mục {file} quá lớn.", "The catalog file {file} is too large."),
    "catalog.not_json": ("Tệp {file} không phải là JSON hợp lệ: {detail}",
                         "The file {file} is not valid JSON: {detail}"),
    "catalog.not_catalog": ("Tệp {file} không phải là tệp danh mục của NAP Reporter.",
                            "The file {file} is not a NAP Reporter catalog."),
    "catalog.bad_part": ("Danh mục {file} tham chiếu tệp thành phần không hợp lệ «{part}».",
                         "The catalog {file} names an invalid part file “{part}”."),
    "catalog.format_version": (
        "Tệp {file}: phiên bản định dạng {found} không được hỗ trợ (cần {wanted}).",
        "{file}: format version {found} is not supported (expected {wanted})."),
    "catalog.bad_version": (
        "Tệp {file}: số phiên bản danh mục không hợp lệ ({found}); phải là số nguyên từ 1 "
        "đến 999.999. Không có gì bị thay đổi.",
        "{file}: the catalog version is not valid ({found}); it must be a whole number from "
        "1 to 999,999. Nothing was changed."),
    "catalog.bad_section": ("Tệp {file}: phần «{section}» phải là một danh sách.",
                            "{file}: the section “{section}” must be a list."),
    "catalog.bad_entry": ("Tệp {file}: mục thứ {index} của «{section}» không hợp lệ.",
                          "{file}: entry {index} of “{section}” is not valid."),
    "catalog.missing_field": ("Tệp {file}: mục thứ {index} của «{section}» thiếu «{field}».",
                              "{file}: entry {index} of “{section}” lacks “{field}”."),
    "catalog.duplicate": ("Tệp {file}: mã «{key}» lặp lại trong «{section}».",
                          "{file}: the code “{key}” appears twice in “{section}”."),
    "catalog.unknown_reference": (
        "Tệp {file}: «{section}» {key}, trường «{field}» tham chiếu mã không có «{value}».",
        "{file}: “{section}” {key}, field “{field}” names an unknown code “{value}”."),
    "catalog.bad_value": ("Tệp {file}: «{section}» {key}, trường «{field}» sai: «{value}».",
                          "{file}: “{section}” {key}, field “{field}” is wrong: “{value}”."),
    # --- exchange: xlsx export and reader ---
    "submission.not_agency": (
        "Chỉ cơ sở dữ liệu của cơ quan báo cáo mới xuất được báo cáo; cơ quan đầu mối lập báo "
        "cáo tổng hợp bằng lệnh report.",
        "Only a reporting agency's database exports a submission; the focal point makes the "
        "consolidated report with the report command."),
    "submission.changed_meanwhile": (
        "Danh sách phiên bản đã xuất của kỳ {period} vừa thay đổi trong lúc xuất; hãy xuất lại.",
        "The register of period {period} changed while exporting; please export again."),
    "file.is_folder": ("Không ghi được: {file} là một thư mục; hãy chọn tên tệp.",
                       "Cannot write: {file} is a folder; choose a file name."),
    "file.no_folder": ("Không ghi được tệp {file}: không có thư mục {folder}.",
                       "Cannot write the file {file}: there is no folder {folder}."),
    "file.read_only": ("Không ghi được tệp {file}: tệp hoặc thư mục chỉ cho phép đọc.",
                       "Cannot write the file {file}: the file or its folder is read-only."),
    "xlsx.not_xlsx": ("Tệp {file} không phải là tệp Excel (.xlsx).",
                      "The file {file} is not an Excel workbook (.xlsx)."),
    "xlsx.legacy": ("Tệp {file} là tệp Excel cũ (.xls); hãy lưu lại dưới dạng .xlsx.",
                    "The file {file} is an old Excel workbook (.xls); save it as .xlsx."),
    "xlsx.ods": ("Tệp {file} là tệp OpenDocument (.ods); hãy lưu lại dưới dạng .xlsx.",
                 "The file {file} is an OpenDocument spreadsheet (.ods); save it as .xlsx."),
    "xlsx.encrypted": ("Tệp {file} được đặt mật khẩu; hãy gửi bản không có mật khẩu.",
                       "The file {file} is password-protected; send a copy without a password."),
    "file.special": (
        "Tệp {file} không phải là tệp thông thường (thư mục, thiết bị hoặc ống dẫn); "
        "tệp bị từ chối.",
        "The file {file} is not a regular file (a folder, a device or a pipe); it was refused."),
    "file.changed_while_read": (
        "Tệp {file} đã thay đổi trong lúc được đọc (có chương trình khác đang ghi nó?); "
        "tệp bị từ chối. Hãy nhập lại khi tệp đã hoàn chỉnh.",
        "The file {file} changed while it was being read (is another program writing it?); "
        "it was refused. Import it again once it is complete."),
    "file.too_large": ("Tệp {file} quá lớn (tối đa {limit_mb} MB); tệp bị từ chối.",
                       "The file {file} is too large (at most {limit_mb} MB); it was refused."),
    "xlsx.error_cell": (
        "Ô {cell} chứa một lỗi (như #DIV/0! hoặc #N/A của một công thức) thay cho giá trị; "
        "hãy sửa ô đó rồi lưu lại. Tệp bị từ chối.",
        "The cell {cell} holds an error (such as a formula's #DIV/0! or #N/A) instead of a "
        "value; correct it and save the file again. It was refused."),
    "xlsx.far_cell": (
        "Tệp {file}: ô {cell} ({part}) nằm ngoài giới hạn {rows} dòng, {columns} cột; "
        "tệp bị từ chối.",
        "The file {file}: cell {cell} ({part}) lies beyond the limit of {rows} rows and "
        "{columns} columns; it was refused."),
    "xlsx.too_many_strings": (
        "Tệp {file} khai báo hoặc chứa quá nhiều chuỗi (tối đa {limit}); tệp bị từ chối.",
        "The file {file} declares or holds too many strings (at most {limit}); it was refused."),
    "xlsx.too_many_parts": (
        "Tệp {file} có quá nhiều phần hoặc trang tính (tối đa {limit}); tệp bị từ chối.",
        "The file {file} has too many parts or sheets (at most {limit}); it was refused."),
    "xlsx.doctype": (
        "Tệp {file} chứa khai báo XML không được phép (DOCTYPE/ENTITY) trong {part}; "
        "tệp bị từ chối.",
        "The file {file} holds XML declarations that are not allowed (DOCTYPE/ENTITY) in "
        "{part}; it was refused."),
    "xlsx.damaged": ("Tệp {file} bị hỏng hoặc không trọn vẹn.",
                     "The file {file} is damaged or incomplete."),
    "xlsx.too_large": ("Tệp {file} quá lớn khi giải nén; tệp bị từ chối.",
                       "The file {file} is too large when unpacked; it was refused."),
    "submission.no_metadata": (
        "Tệp {file} không phải là báo cáo xuất từ NAP Reporter (không có trang thông tin).",
        "The file {file} is not a submission exported by NAP Reporter (no metadata sheet)."),
    "submission.foreign_format": (
        "Tệp {file} không phải là báo cáo của NAP Reporter.",
        "The file {file} is not a NAP Reporter submission."),
    "submission.format_too_new": (
        "Tệp {file} có định dạng phiên bản {found}, mới hơn phiên bản {known} mà chương trình "
        "này đọc được. Hãy cập nhật NAP Reporter.",
        "The file {file} has format version {found}, newer than the version {known} this "
        "program reads. Please update NAP Reporter."),
    "submission.bad_metadata": ("Tệp {file}: thông tin báo cáo «{field}» bị thiếu hoặc sai.",
                                "{file}: the submission's “{field}” is missing or wrong."),
    "submission.missing_sheet": ("Tệp {file} thiếu trang tính «{sheet}».",
                                 "The file {file} lacks the sheet “{sheet}”."),
    "submission.bad_headers": (
        "Tệp {file}: tiêu đề cột của trang tính «{sheet}» đã bị thay đổi.",
        "{file}: the column headers of the sheet “{sheet}” were changed."),
    "value.not_date": ("«{value}» không phải là ngày.", "“{value}” is not a date."),
    "value.time_not_date": (
        "Ô chứa giờ «{value}» chứ không phải một ngày: một số nhỏ hơn 1 (0 hay số âm) "
        "được định dạng như ngày, hoặc chỉ có giờ mà không có ngày.",
        "The cell holds the time “{value}”, not a date: a number below 1 (zero or "
        "negative) formatted as a date, or a time of day without its date."),
    "export.done_new": (
        "Đã xuất {file}: {agency}, kỳ {period}, phiên bản {version} (mới); {activities} hoạt "
        "động, {indicators} chỉ số, {links} liên kết khuyến nghị. Mã kiểm tra nội dung {hash}",
        "Exported {file}: {agency}, period {period}, version {version} (new); {activities} "
        "activities, {indicators} indicators, {links} recommendation links. "
        "Content hash {hash}"),
    "export.done_same": (
        "Đã xuất {file}: {agency}, kỳ {period}, phiên bản {version} (dữ liệu không đổi từ lần "
        "xuất trước, vẫn là phiên bản này); {activities} hoạt động, {indicators} chỉ số, "
        "{links} liên kết khuyến nghị. Mã kiểm tra nội dung {hash}",
        "Exported {file}: {agency}, period {period}, version {version} (data unchanged "
        "since the last export, so the same version); {activities} activities, "
        "{indicators} indicators, {links} recommendation links. Content hash {hash}"),
    "value.not_uuid": ("«{value}» không phải là mã định danh hợp lệ.",
                       "“{value}” is not a valid identifier (UUID)."),
    # --- pdf ---
    "value.too_many_lines": ("Quá nhiều dòng: {lines}, tối đa {max}.",
                             "Too many lines: {lines}, at most {max}."),
    "value.control_character": ("Có ký tự điều khiển không in được.",
                                "Contains a control character that cannot be printed."),
    "pdf.font_missing": (
        "Thiếu tệp phông chữ {file}; hãy cài lại chương trình.",
        "The font file {file} is missing; please reinstall the program."),
    # --- template and periods ---
    "template.cannot_write": ("Không ghi được tệp mẫu {file}: {detail}",
                              "Cannot write the template file {file}: {detail}"),
    "template.written": ("Đã ghi tệp mẫu {file} (kỳ báo cáo: {period}).",
                         "Wrote the template {file} (period: {period})."),
    "period.agency_only": ("Chỉ cơ quan báo cáo mới khóa hoặc mở khóa kỳ báo cáo của mình.",
                           "Only a reporting agency locks or unlocks its own periods."),
    "period.already_locked": ("Kỳ báo cáo {period} đã được khóa từ trước.",
                              "The period {period} is already locked."),
    "period.not_locked": ("Kỳ báo cáo {period} không bị khóa; không có gì để mở khóa.",
                          "The period {period} is not locked; there is nothing to unlock."),
    "period.reason_required": ("Mở khóa kỳ báo cáo {period} cần nêu lý do.",
                               "Unlocking the period {period} needs a reason."),
    "period.locked_done": ("Đã khóa kỳ báo cáo {period}; không thể sửa cho đến khi mở khóa.",
                           "Locked the period {period}; no edits until it is unlocked."),
    "period.unlocked_done": ("Đã mở khóa kỳ báo cáo {period}. Lý do đã được ghi lại.",
                             "Unlocked the period {period}. The reason was recorded."),
    # --- focal point: import ---
    "import.unknown_agency": (
        "Tệp {file}: cơ quan «{agency}» không có trong danh mục của máy này; hãy cập nhật "
        "danh mục (catalog import) rồi nhập lại.",
        "{file}: the agency “{agency}” is not in this computer's catalog; update the catalog "
        "(catalog import) and import again."),
    "import.unknown_period": (
        "Tệp {file}: kỳ báo cáo {period} không có trong danh mục của máy này; hãy cập nhật "
        "danh mục (catalog import) rồi nhập lại.",
        "{file}: the period {period} is not in this computer's catalog; update the catalog "
        "(catalog import) and import again."),
    "import.edited_after_export": (
        "Tệp {file} đã bị sửa sau khi xuất từ chương trình (mã kiểm tra nội dung không khớp); "
        "tệp bị từ chối. Hãy đề nghị cơ quan xuất lại, hoặc nếu chấp nhận bản đã sửa thì "
        "nhập với --accept-edited.",
        "The file {file} was edited after it was exported by the program (its content hash "
        "does not match); it was refused. Ask the agency to export it again, or, to accept "
        "the edited copy deliberately, import it with --accept-edited."),
    "import.conflict": (
        "Tệp {file}: phiên bản {version} đã được nhập từ tệp {other} với nội dung khác; "
        "hai tệp cùng phiên bản nhưng khác nhau, tệp bị từ chối.",
        "{file}: version {version} was already imported from the file {other} with other "
        "content; two different files claim the same version, so this one was refused."),
    "import.older": (
        "Tệp {file}: phiên bản {version} cũ hơn phiên bản {current} đang có; bỏ qua.",
        "{file}: version {version} is older than version {current} already in force; "
        "ignored."),
    "import.same_as_current": (
        "Tệp {file}: dữ liệu giống hệt phiên bản {version} đang có; không có gì thay đổi.",
        "{file}: the data is the same as version {version} already in force; nothing "
        "changed."),
    "import.uuid_taken": (
        "Tệp {file}: mã định danh {uuid} (và {count} mã tổng cộng) đã thuộc về dữ liệu khác "
        "trong cơ sở dữ liệu; tệp bị từ chối.",
        "{file}: the identifier {uuid} ({count} in all) already belongs to other data in "
        "the database; the file was refused."),
    "import.duplicate_uuid": ("Mã định danh {uuid} lặp lại.",
                              "The identifier {uuid} appears twice."),
    "import.unknown_activity": (
        "Không có hoạt động mã {uuid} trong tệp.",
        "There is no activity {uuid} in the file."),
    "import.write_failed": (
        "Tệp {file}: không ghi được vào cơ sở dữ liệu ({detail}); không có gì của tệp này "
        "được ghi.",
        "{file}: could not be written to the database ({detail}); nothing of this file was "
        "written."),
    "import.nothing_to_undo": ("Không có lần nhập nào để hoàn tác.",
                               "There is no import to undo."),
    "import.undo_not_recorded": (
        "Không hoàn tác được: lần nhập đó do phiên bản cũ của chương trình thực hiện, "
        "không ghi lại những gì đã thay đổi. Không có gì bị thay đổi.",
        "Cannot undo: that import was made by an earlier version of the program, which "
        "did not record what it changed. Nothing was changed."),
    "import.undo_changed_after": (
        "Không hoàn tác được: cơ sở dữ liệu đã thay đổi sau lần nhập đó ({action}, {at}). "
        "Không có gì bị thay đổi.",
        "Cannot undo: the database changed after that import ({action}, {at}). Nothing was "
        "changed."),
    "import.undo_with_files": ("--undo không đi cùng tên tệp.",
                               "--undo takes no file names."),
    "import.no_files": ("Hãy nêu ít nhất một tệp cần nhập (hoặc --undo).",
                        "Name at least one file to import (or --undo)."),
    "template.foreign": ("Tệp {file} không phải là mẫu báo cáo của NAP Reporter.",
                         "The file {file} is not a NAP Reporter template."),
    "template.duplicate_stt": ("Số STT {stt} lặp lại.", "The No. (STT) {stt} appears twice."),
    "template.unknown_activity_stt": (
        "Không có hoạt động STT {stt} trên trang «Hoạt động».",
        "There is no activity No. {stt} on the sheet “Hoạt động” (Activities)."),
    "template.indicator_owner": (
        "Chỉ số phải gắn với một hoạt động (STT hoạt động) hoặc một mã nhiệm vụ.",
        "An indicator needs an activity (Activity No.) or a task code."),
    "import.line": (
        "{file}: {agency}, kỳ {period}, phiên bản {version}: {outcome} — thêm {added}, "
        "sửa {changed}, bỏ {removed} hoạt động",
        "{file}: {agency}, period {period}, version {version}: {outcome} — {added} added, "
        "{changed} changed, {removed} removed activities"),
    "import.unsigned_mark": (" [không có chữ ký]", " [unsigned]"),
    "import.summary": (
        "Đã nhập {files} tệp: {accepted} được chấp nhận, {unchanged} không thay đổi gì, "
        "{refused} bị từ chối.",
        "Imported {files} {files|file|files}: {accepted} accepted, {unchanged} unchanged, "
        "{refused} refused."),
    "import.dry_summary": (
        "Chạy thử, không ghi gì: {files} tệp; {accepted} sẽ được chấp nhận, {unchanged} "
        "không thay đổi gì, {refused} bị từ chối.",
        "Dry run, nothing written: {files} {files|file|files}; {accepted} would be accepted, "
        "{unchanged} unchanged, {refused} refused."),
    "import.cancelled_after": (
        "Đã hủy sau {done} trong {files} tệp: các tệp đã xong vẫn được giữ nguyên (hoàn tác "
        "bằng import --undo); các tệp còn lại chưa được nhập.",
        "Cancelled after {done} of {files} {files|file|files}: those finished stay as they "
        "are (undo them with import --undo); the others were not imported."),
    "import.undo_done": (
        "Đã hoàn tác lần nhập {batch} ({files} tệp); dữ liệu trở lại như trước lần nhập đó.",
        "Undid the import {batch} ({files} {files|file|files}); the data is as it was before it."),
    # --- focal point: national report ---
    "report.done": (
        "Đã ghi báo cáo tổng hợp năm {period} vào {file} ({seconds:.1f} giây): "
        "{received}/{agencies} cơ quan đã báo cáo ({on_time} đúng hạn, tỷ lệ đúng hạn {rate}); "
        "{activities} hoạt động; {recommendations} khuyến nghị, {assessed} đã đánh giá.",
        "Wrote the consolidated report of {period} to {file} ({seconds:.1f} s): "
        "{received}/{agencies} agencies reported ({on_time} on time, on-time rate {rate}); "
        "{activities} activities; {recommendations} recommendations, {assessed} assessed."),
    # --- focal point: assessments, completeness, views ---
    "role.not_focal_point": (
        "Việc này chỉ cơ quan đầu mối (Bộ Tư pháp) thực hiện; đây là cơ sở dữ liệu của "
        "một cơ quan báo cáo.",
        "Only the focal point (Ministry of Justice) does this; this is a reporting "
        "agency's database."),
    "assess.recorded": (
        "Đã ghi nhận định của cơ quan đầu mối về khuyến nghị {code} ({period}): "
        "{implementation}.",
        "Recorded the focal point's judgment of recommendation {code} ({period}): "
        "{implementation}."),
    "assess.replaced": (
        "Đã thay nhận định của cơ quan đầu mối về khuyến nghị {code} ({period}): "
        "{implementation}. Nhận định cũ ({previous_implementation}) được lưu trong nhật ký.",
        "Replaced the focal point's judgment of recommendation {code} ({period}): "
        "{implementation}. The old one ({previous_implementation}) is kept in the audit "
        "log."),
    "assess.period": ("kỳ {period}", "period {period}"),
    "assess.no_period": ("không gắn với kỳ báo cáo nào", "not tied to a period"),
    "implementation.fully": ("đã thực hiện đầy đủ", "fully implemented"),
    "implementation.partially": ("đã thực hiện một phần", "partially implemented"),
    "implementation.not": ("chưa thực hiện", "not implemented"),
    # --- focal point: agency contacts and the reminder list ---
    "contact.bad_email": ("«{value}» không phải là địa chỉ thư điện tử.",
                          "“{value}” is not an e-mail address."),
    "contact.bad_phone": ("«{value}» không phải là số điện thoại.",
                          "“{value}” is not a phone number."),
    "contact.saved": ("Đã lưu người liên hệ của {agency}: {person}.",
                      "Saved the contact person of {agency}: {person}."),
    "reminders.done": (
        "Đã ghi danh sách nhắc gửi báo cáo năm {period} vào {file}: {missing}/{agencies} "
        "cơ quan chưa gửi báo cáo.",
        "Wrote the reminder list of {period} to {file}: {missing} of {agencies} agencies "
        "have not reported."),
    # --- catalog, backup, restore ---
    "catalog.not_installed": ("Cơ sở dữ liệu này chưa có danh mục; hãy chạy init trước.",
                              "This database has no catalog yet; run init first."),
    # --- keys and signatures (issue 9) ---
    "key.damaged": (
        "Khóa ký lưu trong cơ sở dữ liệu này bị hỏng; hãy khôi phục từ bản sao lưu.",
        "The signing key kept in this database is damaged; restore it from a backup."),
    "key.changed_meanwhile": (
        "Khóa ký của máy này vừa được tạo bởi một chương trình khác đang chạy; "
        "hãy thử lại. Không có gì bị thay đổi.",
        "Another running program has just made this installation's signing key; "
        "try again. Nothing was changed."),
    "key.other_key": (
        "Tệp của {agency} được ký bằng khóa {found}, không phải khóa đã ghim cho {agency} "
        "({pinned}).",
        "The file of {agency} is signed by the key {found}, not by the key pinned for "
        "{agency} ({pinned})."),
    "catalog.bad_signature": (
        "Tệp {file}: chữ ký của bản cập nhật danh mục không khớp với nội dung (tệp đã bị "
        "sửa sau khi ký, hoặc chữ ký bị hỏng). Không có gì bị thay đổi.",
        "{file}: the signature of the catalog update does not match its content (it was "
        "changed after signing, or the signature is damaged). Nothing was changed."),
    "catalog.unsigned": (
        "Tệp {file}: bản cập nhật danh mục không có chữ ký của cơ quan đầu mối. Nếu chắc "
        "chắn tệp do Bộ Tư pháp gửi, hãy cài bằng lệnh: nap-reporter catalog import TỆP "
        "--accept-new-key. Không có gì bị thay đổi.",
        "{file}: the catalog update is not signed by the focal point. If you are sure the "
        "Ministry of Justice sent it, install it with: nap-reporter catalog import FILE "
        "--accept-new-key. Nothing was changed."),
    "catalog.unsigned_pinned": (
        "Tệp {file}: bản cập nhật danh mục không có chữ ký, trong khi các bản cập nhật của "
        "cơ quan đầu mối được ký bằng khóa {pinned}. Nếu chắc chắn tệp do Bộ Tư pháp gửi, "
        "hãy cài bằng lệnh: nap-reporter catalog import TỆP --accept-new-key. "
        "Không có gì bị thay đổi.",
        "{file}: the catalog update is not signed, while the focal point's updates are "
        "signed by the key {pinned}. If you are sure the Ministry of Justice sent it, "
        "install it with: nap-reporter catalog import FILE --accept-new-key. "
        "Nothing was changed."),
    "catalog.other_key": (
        "Tệp {file}: bản cập nhật danh mục được ký bằng khóa {found}, không phải khóa của "
        "cơ quan đầu mối đã ghim tại đây ({pinned}). Nếu Bộ Tư pháp thật sự đã đổi khóa "
        "(hãy hỏi lại mã khóa qua điện thoại hoặc công văn), hãy cài bằng lệnh: "
        "nap-reporter catalog import TỆP --accept-new-key. Không có gì bị thay đổi.",
        "{file}: the catalog update is signed by the key {found}, not by the focal point's "
        "key pinned here ({pinned}). If the Ministry of Justice really has a new key (check "
        "its fingerprint by telephone or official letter), install it with: "
        "nap-reporter catalog import FILE --accept-new-key. Nothing was changed."),
    # For the import (issue 9, wired by the import's plan): services/keys.key_problem.
    "import.bad_signature": (
        "Tệp {file}: chữ ký của tệp báo cáo của {agency} không khớp với nội dung (tệp đã "
        "bị sửa sau khi ký, hoặc chữ ký bị hỏng). Không có gì được ghi.",
        "{file}: the signature of the submission of {agency} does not match its content "
        "(it was changed after signing, or the signature is damaged). Nothing was written."),
    "import.key_other": (
        "Tệp {file}: báo cáo của {agency} được ký bằng khóa {found}, không phải khóa đã ghim "
        "cho {agency} ({pinned}). Nếu {agency} thật sự đã đổi máy (hãy so mã khóa in trên "
        "công văn có chữ ký), hãy nhận tệp bằng lệnh: nap-reporter import TỆP "
        "--accept-new-key. Không có gì được ghi.",
        "{file}: the submission of {agency} is signed by the key {found}, not by the key "
        "pinned for {agency} ({pinned}). If {agency} really has a new computer (compare the "
        "fingerprint printed on its signed letter), accept it with: nap-reporter import "
        "FILE --accept-new-key. Nothing was written."),
    "import.unsigned_over_signed": (
        "Tệp {file}: báo cáo của {agency} không có chữ ký, trong khi báo cáo của {agency} "
        "được ký bằng khóa {pinned}. Nếu chắc chắn tệp do {agency} gửi, hãy nhận bằng lệnh: "
        "nap-reporter import TỆP --accept-new-key. Không có gì được ghi.",
        "{file}: the submission of {agency} is not signed, while the submissions of "
        "{agency} are signed by the key {pinned}. If you are sure {agency} sent it, accept "
        "it with: nap-reporter import FILE --accept-new-key. Nothing was written."),
    "import.version_out_of_range": (
        "Tệp {file}: số phiên bản {version} không hợp lệ; phiên bản phải là số nguyên từ 1 "
        "đến {max}. Không có gì được ghi.",
        "{file}: the version number {version} is not valid; a version must be a whole "
        "number from 1 to {max}. Nothing was written."),
    "import.unsigned_accepted": (
        "Đã nhận tệp không có chữ ký của {agency} theo yêu cầu (--accept-new-key), dù khóa "
        "của {agency} đã được ghim ({pinned}); việc này được ghi vào nhật ký.",
        "Accepted an unsigned file of {agency} as asked (--accept-new-key), although the "
        "key of {agency} is pinned ({pinned}); this is recorded in the audit log."),
    # --- recs (issue 14): the Committee's grades apart from the focal point's judgment ---
    "assess.committee_recorded": (
        "Đã ghi đánh giá của Ủy ban Nhân quyền về khuyến nghị {code}{element}: mức {grade}, "
        "theo văn bản {document} ngày {date}.",
        "Recorded the Committee's assessment of recommendation {code}{element}: grade "
        "{grade}, in document {document} of {date}."),
    "assess.committee_replaced": (
        "Đã thay đánh giá của Ủy ban Nhân quyền về khuyến nghị {code}{element}: mức {grade}, "
        "theo văn bản {document} ngày {date}. Mức cũ ({previous_grade}, "
        "{previous_document}) được lưu trong nhật ký.",
        "Replaced the Committee's assessment of recommendation {code}{element}: grade "
        "{grade}, in document {document} of {date}. The old one ({previous_grade}, "
        "{previous_document}) is kept in the audit log."),
    "assess.element": (" (nội dung: {element})", " (element: {element})"),
    "assess.no_document": ("chưa có văn bản, cần đối chiếu", "no document, to check"),
    "assess.grade_split": (
        "--grade không còn dùng: mức A–E là đánh giá của Ủy ban Nhân quyền, ghi bằng "
        "--committee-grade A–E --document KÝ_HIỆU --date YYYY-MM-DD; nhận định của cơ quan "
        "đầu mối ghi bằng --implementation fully|partially|not.",
        "--grade is no longer taken: A–E is the Committee's assessment, recorded with "
        "--committee-grade A-E --document SYMBOL --date YYYY-MM-DD; the focal point's own "
        "judgment is --implementation fully|partially|not."),
    "assess.forms_mixed": (
        "Hãy dùng một trong hai cách: --implementation [--note] [--period] (nhận định của cơ "
        "quan đầu mối) hoặc --committee-grade --document --date [--element] (đánh giá của "
        "Ủy ban), không dùng lẫn.",
        "Use one of the two forms, not both: --implementation [--note] [--period] (the "
        "focal point's judgment) or --committee-grade --document --date [--element] (the "
        "Committee's assessment)."),
    "assess.committee_incomplete": (
        "Đánh giá của Ủy ban cần có mức, văn bản và ngày của văn bản; còn thiếu: {missing}.",
        "The Committee's assessment needs its grade, its document and that document's "
        "date; missing: {missing}."),
    "assess.form_missing": (
        "Hãy cho biết --implementation fully|partially|not (nhận định của cơ quan đầu mối) "
        "hoặc --committee-grade A–E --document KÝ_HIỆU --date YYYY-MM-DD (đánh giá của Ủy ban).",
        "Give --implementation fully|partially|not (the focal point's judgment) or "
        "--committee-grade A-E --document SYMBOL --date YYYY-MM-DD (the Committee's "
        "assessment)."),
    "assess.date_malformed": ("Ngày không hợp lệ: {value}; hãy viết YYYY-MM-DD.",
                              "Not a date: {value}; write it as YYYY-MM-DD."),
    "committee.date_in_future": ("Ngày của văn bản {date} là ngày trong tương lai.",
                                 "The document's date {date} is in the future."),
    "period.range_reversed": (
        "Kỳ {period}: ngày bắt đầu số liệu {start} sau ngày kết thúc {end}.",
        "Period {period}: the data range starts on {start}, after its end on {end}."),
    "recs.csv_encoding": (
        "Tệp {file} không phải là CSV UTF-8; hãy lưu lại dưới dạng «CSV UTF-8» rồi nạp lại. "
        "Không có gì được ghi.",
        "{file} is not a UTF-8 CSV; save it again as \"CSV UTF-8\" and load it again. "
        "Nothing was written."),
    "recs.too_many_rows": ("Tệp {file} có quá {max} dòng; tệp bị từ chối.",
                           "{file} has more than {max} rows; the file is refused."),
    "recs.too_many_columns": ("Tệp {file} có quá {max} cột; tệp bị từ chối.",
                              "{file} has more than {max} columns; the file is refused."),
    "recs.columns_missing": (
        "Tệp {file}: không tìm thấy cột {columns} của cách đọc cột «{mapping}» trong các dòng "
        "đầu. Hãy chọn cách đọc cột khác hoặc tự đặt tên cột. Không có gì được ghi.",
        "{file}: the column(s) {columns} of the mapping \"{mapping}\" are not among the "
        "first rows. Choose another mapping or name the columns. Nothing was written."),
    "recs.text_missing": ("Dòng không có nội dung khuyến nghị; bỏ qua.",
                          "The row has no recommendation text; left out."),
    "recs.number_missing": ("Dòng không có số hiệu hoặc đoạn của khuyến nghị; bỏ qua.",
                            "The row has no number or paragraph; left out."),
    "recs.number_bad": ("Số hiệu «{value}» không dùng được làm mã; bỏ qua.",
                        "The number \"{value}\" cannot be a code; left out."),
    "recs.number_twice": ("Số hiệu {value} đã có ở dòng {first}; bỏ qua.",
                          "The number {value} is already on row {first}; left out."),
    "recs.response_unknown": (
        "Không hiểu lập trường «{value}» (chấp thuận / ghi nhận); khuyến nghị được nạp "
        "không có lập trường.",
        "The response \"{value}\" is neither supported nor noted; the recommendation is "
        "loaded without one."),
    "recs.code_taken": ("Mã {code} đã thuộc một nguồn khác; bỏ qua.",
                        "The code {code} belongs to another source; left out."),
    "recs.source_unknown": ("Không có nguồn khuyến nghị {code} trong danh mục.",
                            "There is no recommendation source {code} in the catalog."),
    "recs.mapping_unknown": ("Không có cách đọc cột «{name}»; có: {known}.",
                             "There is no mapping \"{name}\"; there are: {known}."),
    "recs.mapping_name": (
        "Tên «{name}» không dùng được cho cách đọc cột (trống, quá dài hoặc trùng mẫu có sẵn).",
        "The name \"{name}\" cannot name a mapping (empty, too long or a preset's)."),
    "recs.file_changed": ("Tệp {file} đã thay đổi sau khi xem trước; hãy xem trước lại. "
                          "Không có gì được ghi.",
                          "{file} changed after its preview; preview it again. Nothing "
                          "was written."),
    "recs.catalog_changed": ("Danh mục đã thay đổi sau khi xem trước tệp {file}; hãy xem "
                             "trước lại. Không có gì được ghi.",
                             "The catalog changed after the preview of {file}; preview it "
                             "again. Nothing was written."),
    "recs.preview": (
        "{file} ({source}, cách đọc cột {mapping}): {rows} khuyến nghị — {new} mới, "
        "{changed} thay đổi, {unchanged} không đổi; {supported} chấp thuận, {noted} ghi "
        "nhận; {left_out} dòng bị bỏ qua; {not_in_file} khuyến nghị của nguồn không có "
        "trong tệp.",
        "{file} ({source}, mapping {mapping}): {rows} recommendations — {new} new, "
        "{changed} changed, {unchanged} unchanged; {supported} supported, {noted} noted; "
        "{left_out} rows left out; {not_in_file} of the source's recommendations not in "
        "the file."),
    "recs.no_vietnamese": (
        "Tệp không có cột tiếng Việt: khuyến nghị mới mang nội dung tiếng Anh ở cả hai "
        "ngôn ngữ cho đến khi được dịch.",
        "The file has no Vietnamese column: new recommendations carry the English text in "
        "both languages until translated."),
    "recs.dry_run": ("Chạy thử: không có gì được ghi.", "Dry run: nothing was written."),
    "recs.nothing_to_write": ("Không có gì mới để ghi; phiên bản danh mục giữ nguyên.",
                              "Nothing new to write; the catalog version stays."),
    "recs.applied": (
        "Đã ghi {added} khuyến nghị mới và {changed} thay đổi; danh mục nay là phiên bản "
        "{version}. Gửi cho các cơ quan bằng: nap-reporter catalog export -o TỆP",
        "Wrote {added} new and {changed} changed recommendations; the catalog is now "
        "version {version}. Send it to the agencies with: nap-reporter catalog export -o "
        "FILE"),
    # --- speed (issue 11): files read in child processes ---
    "import.reader_crashed": (
        "Không đọc được tệp {file}: trình đọc tệp đã dừng đột ngột (tệp có thể bị hỏng "
        "hoặc được tạo ra để làm cạn bộ nhớ); tệp bị từ chối, không có gì được ghi.",
        "The file {file} could not be read: its reader stopped abruptly (the file may be "
        "damaged or made to exhaust memory); it was refused and nothing was written."),
    # --- audit log (issue 10 item 8) ---
    "audit.exported": (
        "Đã ghi nhật ký thay đổi ({events} sự kiện) vào {file}.",
        "Wrote the audit log ({events} events) to {file}."),
    # the actions the audit log records, as a person reads them (audit_action_words)
    "audit.action.init": ("Thiết lập cơ sở dữ liệu", "Database set up"),
    "audit.action.key.created": ("Tạo khóa ký của máy này", "This installation's key made"),
    "audit.action.demo": ("Tạo dữ liệu mẫu", "Demo data filled"),
    "audit.action.activity.created": ("Thêm hoạt động", "Activity added"),
    "audit.action.activity.saved": ("Sửa hoạt động", "Activity changed"),
    "audit.action.activity.deleted": ("Xóa hoạt động", "Activity deleted"),
    "audit.action.activity.carried_over": (
        "Chuyển hoạt động sang kỳ sau",
        "Activities carried over"),
    "audit.action.period.locked": ("Khóa kỳ báo cáo", "Period locked"),
    "audit.action.period.unlocked": ("Mở khóa kỳ báo cáo", "Period unlocked"),
    "audit.action.assessment.recorded": ("Đánh giá khuyến nghị", "Recommendation assessed"),
    "audit.action.assessment.replaced": ("Sửa đánh giá khuyến nghị", "Assessment changed"),
    "audit.action.submission.exported": ("Xuất báo cáo", "Submission exported"),
    "audit.action.import.batch": ("Nhập báo cáo (một lần nhập)", "Import batch"),
    "audit.action.import.file_accepted": ("Nhận tệp báo cáo", "Submission file accepted"),
    "audit.action.import.undo": ("Hoàn tác lần nhập", "Import undone"),
    "audit.action.import.unsigned_accepted": (
        "Nhận tệp không có chữ ký (chấp nhận có chủ ý)",
        "Unsigned file accepted deliberately"),
    "audit.action.import.edited_accepted": ("Nhận tệp đã sửa sau khi xuất", "Edited file accepted"),
    "audit.action.key.pinned": ("Ghim khóa ký của cơ quan", "Agency key pinned"),
    "audit.action.key.replaced": (
        "Thay khóa ký của cơ quan (chấp nhận có chủ ý)",
        "Agency key replaced deliberately"),
    "audit.action.catalog.installed": ("Cài bản cập nhật danh mục", "Catalog update installed"),
    "audit.action.catalog.unsigned_accepted": (
        "Cài danh mục không có chữ ký (chấp nhận có chủ ý)",
        "Unsigned catalog accepted deliberately"),
    "audit.action.catalog.key_pinned": (
        "Ghim khóa của cơ quan đầu mối",
        "Focal point's key pinned"),
    "audit.action.catalog.key_replaced": (
        "Thay khóa của cơ quan đầu mối (chấp nhận có chủ ý)",
        "Focal point's key replaced deliberately"),
    "audit.action.catalog.due_dates": ("Đặt hạn gửi báo cáo", "Due dates set"),
    "audit.action.contact.edited": ("Sửa thông tin liên hệ", "Contact edited"),
    "audit.action.report_settings.saved": ("Lưu thiết lập báo cáo", "Report settings saved"),
    "audit.action.backup.restored": ("Khôi phục từ bản sao lưu", "Restored from a backup"),
    "audit.action.catalog.mapping_saved": ("Lưu cách đọc cột của danh sách khuyến nghị",
                                           "Recommendation list mapping saved"),
    "audit.action.catalog.period_ranges": ("Đặt khoảng thời gian lấy số liệu của kỳ báo cáo",
                                           "Periods' data ranges set"),
    "audit.action.catalog.recommendations_loaded": ("Nạp danh sách khuyến nghị chính thức",
                                                    "Official recommendation list loaded"),
    "audit.action.committee_grade.recorded": ("Ghi đánh giá của Ủy ban Nhân quyền",
                                              "Committee's assessment recorded"),
    "audit.action.committee_grade.replaced": ("Sửa đánh giá của Ủy ban Nhân quyền",
                                              "Committee's assessment changed"),
    # --- safety (issue 10: sheet extents, window lock, damaged database, locked periods) ---
    "xlsx.too_many_cells": (
        "Tệp {file}: vùng dữ liệu của {part} quá rộng ({cells} ô; tất cả các trang tính "
        "cộng lại tối đa {limit} ô); tệp bị từ chối.",
        "The file {file}: the used range of {part} is too large ({cells} cells; all sheets "
        "together at most {limit} cells); it was refused."),
    "import.period_locked": (
        "Tệp {file}: kỳ báo cáo {period} của {agency} đã bị khóa; tệp bị từ chối, không có "
        "gì được ghi.",
        "{file}: the period {period} of {agency} is locked; the file was refused and nothing "
        "was written."),
    "db.window_open": (
        "Cơ sở dữ liệu {file} đang được mở trong một cửa sổ khác (tiến trình {pid} của "
        "{user} trên máy {host}, từ {since}). Hãy dùng cửa sổ đó, hoặc đóng nó rồi mở lại.",
        "The database {file} is already open in another window (process {pid} of {user} on "
        "{host}, since {since}). Use that window, or close it and open this one again."),
    "window.cannot_open": ("Không mở được cơ sở dữ liệu", "The database cannot be opened"),
    "window.damaged_offer": (
        "{problem}\n\nBản sao lưu tốt gần nhất: {backup}.\nKhôi phục bản sao lưu đó? Tệp "
        "bị hỏng được giữ lại bên cạnh (đổi tên). Những thay đổi sau bản sao lưu sẽ không có.",
        "{problem}\n\nThe latest good backup: {backup}.\nRestore that backup? The damaged "
        "file is kept beside it (renamed). Changes made after the backup will not be there."),
    "window.damaged_no_backup": (
        "{problem}\n\nKhông có bản sao lưu tốt nào để khôi phục. Chương trình sẽ thoát; "
        "tệp không bị thay đổi.",
        "{problem}\n\nThere is no good backup to restore. The program will quit; the file "
        "was not changed."),
    "window.restore_backup": ("Khôi phục bản sao lưu", "Restore the backup"),
    "window.quit": ("Thoát", "Quit"),
    "window.close": ("Đóng", "Close"),
    "window.restored": (
        "Đã khôi phục {backup}. Tệp bị hỏng được giữ lại là {aside}.",
        "Restored {backup}. The damaged file is kept as {aside}."),
    "window.busy": (
        "Cơ sở dữ liệu đang được chương trình khác ghi; đang chờ tối đa {seconds} giây…",
        "The database is being written by another program; waiting up to {seconds} s…"),
    "window.db_replaced_title": ("Tệp cơ sở dữ liệu đã bị thay", "The database file was replaced"),
    "window.db_replaced": (
        "Một chương trình khác (phần mềm đồng bộ, bản khôi phục…) đã thay hoặc xóa tệp "
        "{file} trong khi cửa sổ này đang mở nó. Để không ghi thêm gì vào bản cũ mà không "
        "ai đọc nữa, cửa sổ sẽ đóng lại. Bản cũ, với mọi thay đổi đã lưu trong cửa sổ "
        "này, được giữ ở {kept}. Hãy mở lại chương trình để làm việc với tệp hiện có ở "
        "chỗ đó.",
        "Another program (a sync client, a restore…) replaced or removed the file {file} "
        "while this window had it open. So that nothing more is written to the old copy, "
        "which nobody reads any more, the window closes. The old copy, with every change "
        "saved in this window, is kept at {kept}. Open the program again to work on the "
        "file now in its place."),
    "window.db_replaced_lost": (
        "Một chương trình khác (phần mềm đồng bộ, bản khôi phục…) đã thay hoặc xóa tệp "
        "{file} trong khi cửa sổ này đang mở nó. Để không ghi thêm gì vào bản cũ mà không "
        "ai đọc nữa, cửa sổ sẽ đóng lại. Không giữ được bản cũ ({detail}): hãy kiểm tra "
        "lại những thay đổi vừa làm trong cửa sổ này khi mở lại chương trình.",
        "Another program (a sync client, a restore…) replaced or removed the file {file} "
        "while this window had it open. So that nothing more is written to the old copy, "
        "which nobody reads any more, the window closes. The old copy could not be kept "
        "({detail}): check the changes you made in this window when you open the program "
        "again."),
    "window.reloaded": (
        "Chương trình khác đã thay đổi cơ sở dữ liệu; các trang đã được tải lại.",
        "Another program changed the database; the pages were reloaded."),
    "editor.period_locked": (
        "Kỳ báo cáo {period} đã bị khóa (từ {since}): các hoạt động chỉ xem được, không sửa "
        "được. Hãy mở khóa kỳ (kèm lý do) để sửa.",
        "The period {period} is locked (since {since}): its activities can be read, not "
        "changed. Unlock the period (with a reason) to edit them."),
    # --- pg: a focal point's database on a PostgreSQL server (issue 16) ---
    "db.unreachable": (
        "Không kết nối được tới máy chủ cơ sở dữ liệu {db}: {detail}. Chưa có gì được ghi; "
        "hãy kiểm tra địa chỉ, mạng và máy chủ rồi thử lại.",
        "Cannot connect to the database server {db}: {detail}. Nothing was written; check "
        "the address, the network and the server, then try again."),
    "db.password_needed": (
        "Máy chủ {db} đòi mật khẩu mà chương trình không có. Hãy ghi mật khẩu vào tệp "
        "mật khẩu của PostgreSQL (~/.pgpass hoặc tệp PGPASSFILE chỉ tới) rồi thử lại.",
        "The server {db} asks for a password the program does not have. Put it in "
        "PostgreSQL's password file (~/.pgpass, or the file PGPASSFILE names) and try again."),
    "db.read_only": (
        "Vai trò cơ sở dữ liệu của bạn trên {db} chỉ được phép đọc: không có gì được ghi. "
        "Hãy nhờ người quản trị cấp quyền ghi nếu bạn cần thay đổi dữ liệu.",
        "Your database role on {db} may only read: nothing was written. Ask the "
        "administrator for write rights if you need to change data."),
    "db.server_backup": (
        "Sao lưu và khôi phục cơ sở dữ liệu trên máy chủ ({url}) là việc của máy chủ: "
        "hãy dùng pg_dump và pg_restore.",
        "Backing up and restoring a database on a server ({url}) is the server's job: use "
        "pg_dump and pg_restore."),
    "db.server_path_only": (
        "Lệnh này chỉ dùng với tệp cơ sở dữ liệu của đơn vị (--db ĐƯỜNG_DẪN), không dùng "
        "với máy chủ {url}.",
        "This command takes an agency's database file (--db PATH), not the server {url}."),
    "migrate.source_not_sqlite": (
        "migrate-to sao chép một tệp SQLite lên máy chủ: --db phải là một tệp, không phải "
        "{url}.",
        "migrate-to copies an SQLite file to a server: --db must be a file, not {url}."),
    "migrate.target_not_server": (
        "«{url}» không phải địa chỉ PostgreSQL (postgresql://người_dùng@máy[:cổng]/tên).",
        "“{url}” is not a PostgreSQL address (postgresql://user@host[:port]/name)."),
    "migrate.not_focal_point": (
        "Chỉ cơ sở dữ liệu của đầu mối mới chuyển lên máy chủ được; {file} là của đơn vị.",
        "Only a focal point's database moves to a server; {file} is an agency's."),
    "migrate.target_not_empty": (
        "Cơ sở dữ liệu {db} không trống (bảng {table}). Chỉ sao chép vào một cơ sở dữ liệu "
        "trống; không có gì được ghi.",
        "The database {db} is not empty (table {table}). Copying goes only into an empty "
        "database; nothing was written."),
    "migrate.count_mismatch": (
        "Số dòng của bảng {table} không khớp sau khi sao chép ({source} trong tệp, {target} "
        "trên máy chủ); mọi thay đổi đã được hủy.",
        "The row count of table {table} does not match after copying ({source} in the "
        "file, {target} on the server); everything was undone."),
    # --- books: workbooks (plans in force for a template's period) ---
    "code.task_not_in_force": (
        "Nhiệm vụ «{code}» không thuộc kế hoạch áp dụng cho kỳ báo cáo {period}; hãy chọn "
        "nhiệm vụ trong danh sách của mẫu.",
        "The task “{code}” is not in the plan in force for the reporting period {period}; "
        "choose a task from the template's list."),
    # --- ui (issue 13): numbers typed in the language's form ---
    "value.ambiguous_number": (
        "«{value}» không đọc được chắc chắn: viết số theo kiểu Việt Nam, ví dụ 1.234,5 "
        "(dấu chấm ngăn hàng nghìn, dấu phẩy trước phần thập phân).",
        "“{value}” cannot be read for sure: write the number like 1,234.5 (a comma "
        "between thousands, a point before the decimals)."),
}

TEXTS: dict[str, tuple[str, str]] = {
    "cli.usage_error": ("Lệnh không đúng cú pháp: {detail}", "Wrong usage: {detail}"),
    "cli.internal_error": (
        "Lỗi nội bộ của chương trình. Chi tiết đã được ghi vào {log}",
        "An internal error occurred. The details were written to {log}"),
    "cli.init_done": ("Đã khởi tạo {db} (vai trò {role}{agency}). Danh mục phiên bản {version}.",
                      "Set up {db} (role {role}{agency}). Catalog version {version}."),
    "cli.demo_done": (
        "Đã thêm {activities} hoạt động, {indicators} chỉ số, {results} kết quả "
        "vào kỳ {period} ({seconds:.1f} giây).",
        "Added {activities} activities, {indicators} indicators, {results} results "
        "to period {period} ({seconds:.1f} s)."),
    "cli.demo_submissions": ("Mô phỏng báo cáo đã nhận từ {submissions} cơ quan.",
                             "Simulated accepted submissions from {submissions} agencies."),
    "cli.no_display": (
        "Không có màn hình để mở cửa sổ chương trình. Hãy chạy trên máy có giao diện đồ hoạ, "
        "dùng màn hình ảo (xvfb-run nap-reporter), hoặc lưu ảnh cửa sổ bằng "
        "nap-reporter --screenshot tep.png",
        "There is no display to open the window on. Run it on a desktop, under a virtual "
        "display (xvfb-run nap-reporter), or save a picture of the window with "
        "nap-reporter --screenshot file.png"),
    "cli.window_pending": (
        "Cửa sổ chương trình chưa có trong phiên bản này. Tình trạng cơ sở dữ liệu:",
        "The desktop window is not in this version yet. The database holds:"),
    "cli.screenshot_failed": ("Không ghi được ảnh cửa sổ vào tệp {file}.",
                              "Cannot write the window picture to the file {file}."),
    "cli.catalog_exported": ("Đã ghi danh mục phiên bản {version} vào {file}.",
                             "Wrote catalog version {version} to {file}."),
    "cli.catalog_applied": (
        "Đã cài danh mục phiên bản {version} (trước đó: {previous}): thêm {added}, "
        "cập nhật {updated}, ngừng dùng {retired} mục.",
        "Installed catalog version {version} (was {previous}): {added} added, "
        "{updated} updated, {retired} retired."),
    "cli.catalog_not_newer": (
        "Danh mục phiên bản {version} không mới hơn bản đang dùng ({installed}); "
        "không có gì thay đổi.",
        "Catalog version {version} is not newer than the installed one ({installed}); "
        "nothing changed."),
    "cli.backup_done": ("Đã sao lưu {db} vào {file}.", "Backed up {db} to {file}."),
    "cli.restore_done": (
        "Đã khôi phục {db} từ {file}. Bản sao dữ liệu trước khi khôi phục: {safety}",
        "Restored {db} from {file}. The data as it was before: {safety}"),
    "cli.restore_new": ("Đã tạo {db} từ bản sao lưu {file}.",
                        "Created {db} from the backup {file}."),
    "db.busy_waiting": (
        "Cơ sở dữ liệu đang bận, đang chờ (tối đa {seconds} giây)…",
        "The database is busy, waiting (up to {seconds} s)…"),
    "cli.cancelled": ("Đã hủy; không có gì được ghi.", "Cancelled; nothing was written."),
    "catalog.key_pinned": (
        "Đã ghim khóa ký của cơ quan đầu mối: {fingerprint}. Các bản cập nhật danh mục sau "
        "phải được ký bằng khóa này.",
        "Pinned the focal point's signing key: {fingerprint}. Later catalog updates must be "
        "signed by this key."),
    "catalog.key_replaced": (
        "Đã nhận khóa mới của cơ quan đầu mối {fingerprint} thay cho khóa {previous}; "
        "việc này được ghi vào nhật ký.",
        "Accepted the focal point's new key {fingerprint} in place of {previous}; this is "
        "recorded in the audit log."),
    "catalog.unsigned_accepted": (
        "Đã cài bản cập nhật danh mục không có chữ ký theo yêu cầu (--accept-new-key); "
        "việc này được ghi vào nhật ký.",
        "Installed an unsigned catalog update as asked (--accept-new-key); this is recorded "
        "in the audit log."),
    "import.key_pinned": (
        "Đã ghim khóa ký của {agency}: {fingerprint}. Hãy so với mã khóa in trên công văn "
        "có chữ ký.",
        "Pinned the signing key of {agency}: {fingerprint}. Compare it with the fingerprint "
        "printed on the signed letter."),
    "import.key_replaced": (
        "Đã nhận khóa mới của {agency}: {fingerprint} (thay cho {previous}); việc này được "
        "ghi vào nhật ký.",
        "Accepted the new key of {agency}: {fingerprint} (in place of {previous}); this is "
        "recorded in the audit log."),
    "keys.own": ("Khóa ký của máy này ({who}): {fingerprint}",
                 "This installation's signing key ({who}): {fingerprint}"),
    "keys.own_public": ("  Khóa công khai: {public_key}", "  Public key: {public_key}"),
    "keys.own_none": (
        "Máy này ({who}) chưa có khóa ký; khóa được tạo ở lần xuất tệp đầu tiên.",
        "This installation ({who}) has no signing key yet; it is made at its first export."),
    "keys.pinned_head": ("Khóa đã ghim của các cơ quan ({count}):",
                         "Pinned keys of agencies ({count}):"),
    "keys.pinned_line": ("{agency}\t{fingerprint}\tghim lúc {when}\ttừ tệp {file}",
                         "{agency}\t{fingerprint}\tpinned {when}\tfrom {file}"),
    "keys.none_pinned": (
        "Chưa ghim khóa của cơ quan nào; khóa của mỗi cơ quan được ghim ở tệp có chữ ký "
        "đầu tiên được nhận.",
        "No agency key is pinned yet; each agency's key is pinned at its first accepted "
        "signed file."),
    "keys.catalog_pinned": (
        "Khóa của cơ quan đầu mối (ký bản cập nhật danh mục): {fingerprint}, ghim lúc "
        "{when} từ tệp {file}",
        "The focal point's key (signs catalog updates): {fingerprint}, pinned {when} from "
        "{file}"),
    "keys.catalog_none": (
        "Chưa ghim khóa của cơ quan đầu mối; khóa được ghim ở bản cập nhật danh mục có chữ "
        "ký đầu tiên.",
        "The focal point's key is not pinned yet; it is pinned at the first signed catalog "
        "update."),
    # --- pg: migrate-to (issue 16) ---
    "migrate.table": ("  {table}: {rows} dòng", "  {table}: {rows} rows"),
    "migrate.done": (
        "Đã sao chép {rows} dòng của {tables} bảng từ {file} lên {db}; số dòng từng bảng "
        "khớp nhau. Tệp {file} giữ nguyên; từ nay hãy dùng --db {db}.",
        "Copied {rows} rows of {tables} tables from {file} to {db}; the counts of every "
        "table match. The file {file} is unchanged; from now on use --db {db}."),
}


def system_language() -> str:
    """Vietnamese when the system locale is Vietnamese, English otherwise."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "vi" if code.lower().startswith("vi") else "en"


# C0 and C1 control characters, DEL, and the bidirectional overrides that reorder text.
_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
                     "\ud800-\udfff]")


def _visible_char(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code == 0x1B:
        return "␛"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(value: str) -> str:
    """Text from a file (a name, a cell) safe for a terminal or a message: control and
    escape characters, bidirectional overrides and undecodable bytes made visible
    (ESC → ␛, others → \\xNN / \\uNNNN), so that nothing a sender wrote can move the
    cursor, recolour the terminal or hide part of a line. Every message's parameters
    pass here."""
    return _HIDDEN.sub(_visible_char, value)


LONGEST_VALUE = 300  # characters of one parameter in a message; a cell may hold 32,767


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _shown(value: Any, lang: str = "en") -> Any:
    """A parameter as the message shows it: a date (a date, or the core's yyyy-mm-dd)
    as dd/mm/yyyy in Vietnamese; text made visible and cut to a readable length. Text
    shaped like a date that is none ("2025-13-45", a cell refused as no date) is shown
    as it is written: turned round it named a value the cell does not hold."""
    if isinstance(value, date) and not isinstance(value, datetime):
        value = value.isoformat()
    if not isinstance(value, str):
        return value
    found = _ISO_DATE.fullmatch(value) if lang == "vi" else None
    if found and _is_day(int(found[1]), int(found[2]), int(found[3])):
        return f"{found[3]}/{found[2]}/{found[1]}"
    value = visible(value)
    return value if len(value) <= LONGEST_VALUE else value[:LONGEST_VALUE - 1] + "…"


def _is_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# "{files|file|files}": the word for one, or for any other count, of a parameter.
_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def _format(template: str, params: dict[str, Any], lang: str = "en") -> str:
    template = _PLURAL.sub(lambda m: m[2] if params.get(m[1]) == 1 else m[3], template)
    params = {key: _shown(value, lang) for key, value in params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def text(key: str, lang: str, **params: Any) -> str:
    vi, en = TEXTS.get(key) or MESSAGES.get(key) or (key, key)
    return _format(vi if lang == "vi" else en, params, lang)


_LOCATION_WORDS = {
    "vi": ("tệp", "trang tính", "dòng", "cột", "trường"),
    "en": ("file", "sheet", "row", "column", "field"),
}


# The fields problems name, in words (an indicator's field is "indicators[2].target").
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "title": ("tên hoạt động", "title"),
    "task": ("nhiệm vụ", "task"),
    "type": ("loại hoạt động", "type"),
    "status": ("trạng thái", "status"),
    "description": ("mô tả", "description"),
    "start_date": ("ngày bắt đầu", "start date"),
    "end_date": ("ngày kết thúc", "end date"),
    "women": ("phụ nữ", "women"),
    "ethnic_minorities": ("người dân tộc thiểu số", "ethnic minorities"),
    "disabilities": ("người khuyết tật", "persons with disabilities"),
    "children": ("trẻ em", "children"),
    "budget_vnd": ("kinh phí", "budget"),
    "outputs": ("kết quả đầu ra", "outputs"),
    "challenges": ("khó khăn, vướng mắc", "challenges"),
    "next_steps": ("nhiệm vụ tiếp theo", "next steps"),
    "evidence": ("tài liệu minh chứng", "evidence"),
    "recommendations": ("khuyến nghị", "recommendations"),
    "recommendation": ("khuyến nghị", "recommendation"),
    "grade": ("mức đánh giá của Ủy ban", "the Committee's grade"),
    "document": ("văn bản của Ủy ban", "the Committee's document"),
    "date": ("ngày của văn bản", "the document's date"),
    "element": ("nội dung được đánh giá", "element graded"),
    "text_en": ("nội dung khuyến nghị", "recommendation text"),
    "number": ("số hiệu", "number"),
    "response": ("lập trường", "response"),
    "mapping": ("cách đọc cột", "mapping"),
    "source": ("nguồn", "source"),
    "implementation": ("mức độ thực hiện", "implementation"),
    "name": ("tên chỉ số", "indicator"),
    "unit": ("đơn vị tính", "unit"),
    "baseline": ("giá trị cơ sở", "baseline"),
    "target": ("chỉ tiêu", "target"),
    "due_date": ("thời hạn", "due date"),
    "result": ("kết quả", "result"),
    "note": ("ghi chú", "note"),
    "contact_person": ("người liên hệ", "contact person"),
    "phone": ("điện thoại", "phone"),
    "email": ("thư điện tử", "e-mail"),
}


def field_name(field: str, lang: str) -> str:
    """"indicators[2].target" -> "chỉ số 2, chỉ tiêu" / "indicator 2, target"."""
    index = 0 if lang == "vi" else 1
    prefix, _, leaf = field.rpartition(".")
    words = FIELD_NAMES.get(leaf, (leaf, leaf))[index]
    if prefix.startswith("indicators[") and prefix.endswith("]"):
        number = prefix[len("indicators["):-1]
        return f"{('chỉ số', 'indicator')[index]} {number}, {words}"
    return words if not prefix else f"{prefix}.{words}"


def _where(where: Location | None, field: str | None, lang: str) -> str:
    words = _LOCATION_WORDS[lang]
    parts = []
    if where is not None:
        for word, value in zip(words, (where.file, where.sheet, where.row, where.column),
                               strict=False):
            if value is not None:
                parts.append(f"{word} {visible(str(value))}")
    if field:
        parts.append(f"{words[4]} {field_name(field, lang)}")
    return ", ".join(parts)


# What the operating system says went wrong with a file (core.problems.os_detail).
OS_DETAILS: dict[str, tuple[str, str]] = {
    "ENOENT": ("thư mục hoặc tệp không tồn tại", "the folder or file does not exist"),
    "EACCES": ("không có quyền truy cập", "permission denied"),
    "EPERM": ("không có quyền truy cập", "permission denied"),
    "ENOSPC": ("ổ đĩa đã đầy", "the disk is full"),
    "EROFS": ("ổ đĩa chỉ cho phép đọc", "the disk is read-only"),
    "EISDIR": ("đó là một thư mục", "it is a folder"),
    "ENOTDIR": ("một phần của đường dẫn không phải là thư mục", "part of the path is not a folder"),
    "ENAMETOOLONG": ("tên tệp quá dài", "the file name is too long"),
    "EBUSY": ("tệp đang được chương trình khác dùng", "the file is in use by another program"),
    "EIO": ("lỗi đọc/ghi của ổ đĩa", "the disk could not read or write"),
}


def problem_text(problem: Problem, lang: str) -> str:
    vi, en = MESSAGES.get(problem.code, (problem.code, problem.code))
    params = {key: (OS_DETAILS[value][0 if lang == "vi" else 1]
                    if isinstance(value, str) and value in OS_DETAILS else value)
              for key, value in problem.params.items()}
    message = _format(vi if lang == "vi" else en, params, lang)
    where = _where(problem.where, problem.field, lang)
    return f"{where}: {message}" if where else message


def bilingual(lines_for: Any, lang: str) -> list[str]:
    """Call lines_for(language) for the chosen language first, then the other."""
    other = "en" if lang == "vi" else "vi"
    first = list(lines_for(lang))
    second = list(lines_for(other))
    return first + second if first != second else first


def problems_bilingual(problems: Iterable[Problem], lang: str) -> list[str]:
    items = list(problems)
    return bilingual(lambda lg: [problem_text(p, lg) for p in items], lang)


def audit_action_words(action: str, lang: str) -> str:
    """An audit-log action as a person reads it; an action without words keeps its code."""
    key = f"audit.action.{action}"
    return text(key, lang) if key in MESSAGES else action


_AUDIT_FIELDS: dict[str, tuple[str, str]] = {
    "fingerprint": ("dấu vân tay của khóa", "key fingerprint"),
    "locked": ("đã khóa", "locked"),
    "version": ("phiên bản", "version"),
}
_BRACKETED = re.compile(r"(\w+)\[(\d+)\]")


def audit_field_words(field: str, lang: str) -> str:
    """A field the audit log names, as a person reads it: "due_date[2026]" -> "thời hạn
    2026"; an indicator's "indicators[2].target" as field_name says it."""
    found = _BRACKETED.fullmatch(field)
    if found:
        return f"{audit_field_words(found[1], lang)} {found[2]}"
    words = _AUDIT_FIELDS.get(field)
    if words is not None:
        return words[0 if lang == "vi" else 1]
    return field_name(field, lang)
