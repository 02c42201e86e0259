<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>Filter: title, description, task or recommendation (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New activity (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected activity (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the activity “%1” with its indicators and results?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n activities with their indicators and results?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No activity in this period yet. Add one: what was done, when, for whom, and which recommendations it serves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add activity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityCommand</name>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityEditor</name>
    <message>
        <source>New activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was done, in a few words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to search the tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tas&amp;k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty if not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Budget (VND)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Women</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethnic minorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persons with disabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Beneficiaries&lt;/b&gt; (number of people; empty if not known)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the recommendations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Challenges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the date as dd/mm/yyyy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a task from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This activity has changes that are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityTableModel</name>
    <message>
        <source>Indicators with a result / all indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget (VND)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AreasTasksPage</name>
    <message>
        <source>Reading the areas and tasks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Areas and tasks in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agency reported an activity for this task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentEditor</name>
    <message>
        <source>&amp;Implementation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The focal point&apos;s judgment for this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save judgment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not judged yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judged without a period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentsPage</name>
    <message>
        <source>Reading the activities…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the recommendations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by code, agency or words of the text (with or without diacritics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendations in %1: actions and assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 shown · %3 assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recommendation selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up recommendation: the Committee asked for information on it within two years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agencies that acted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in all, %2 with a result, %3 on track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activities (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save judgment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the Committee&apos;s grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load an official &amp;list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Illustrative summary, not the document&apos;s own recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To check against the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked against the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not attributed to a successor)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompletenessModel</name>
    <message>
        <source>The due date has passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n version(s) received</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>First received: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: version %2 (%n version(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Not signed (a template, an edited file or a file of the earlier format): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received %1 of %2 · on time %3 · late %4 · on-time rate %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Includes the former units: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A former unit split between %1: its files count for none of them; its activities count for one only through their task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact (person · phone · e-mail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact as of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompletenessPage</name>
    <message>
        <source>Reading the reporting status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period %1: received %2 of %3 · on time %4 · late %5 · not received %6 · on-time rate %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reporting status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provinces and cities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ministries and ministerial agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central bodies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>· n = versions received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts per period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsolidatedRecommendationModel</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implemented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agencies that acted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators on track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up recommendation: the Committee asked for information on it within two years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Committee&apos;s follow-up grades (A–E), latest last; ? still to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The focal point&apos;s judgment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave unticked when there is no date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DueDatesDialog</name>
    <message>
        <source>Reporting periods and due dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and publish the catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agencies see these dates once they install the catalog update you publish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: the catalog is now version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish the catalog update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog updates (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published catalog version %1 to %2; send it to the agencies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Excel workbook (.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;DF report (.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;in folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1: a new version, since the data changed after the last export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version 1: the first export of this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 again: nothing changed since it was exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out the version of the files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder for the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The submission for %1 was saved in the folder
%2

%3

Attach the files to your e-mail to the focal point.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the catalog update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog updates (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FocalCommands</name>
    <message>
        <source>National report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The national consolidated report for %1: summary, reporting status, areas, recommendations by source (the cycle in force first), assessments and an annex of activities by agency. In which format?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National_report_%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The national report was saved:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders_%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reminder list was saved:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportCommands</name>
    <message>
        <source>Choose the submissions to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder of submissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import submissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no workbook (.xlsx) to import there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo last import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last import? Every file it imported is taken out again and the data is as it was before that import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The last import was undone (%n file(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import submissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept files edited after export (checked like a filled-in template and marked as edited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept a new &amp;signing key (an agency&apos;s new computer, or an unsigned file over an agency whose files are signed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;problems…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import is done. What happened to each file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checking %n file(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preview of %n file(s). Nothing has been written yet: check the outcome of each file, then press Import.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Imported: %1 accepted, %2 refused, %3 unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 file(s) would be imported; %3 problem(s) found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): pinned key %3, this file: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept these files although they are not signed by the key pinned for their agency? Do so only after comparing the new fingerprint with the one printed on the agency&apos;s signed letter. The pinned key will be replaced, and the audit log will record it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept a new signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the problems as a workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>problems.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The problems were saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The check of %n file(s) was cancelled; nothing was written. Press Check again to check them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportOutcome</name>
    <message>
        <source>New submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newer version: replaces the earlier one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already imported: nothing to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older version: ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict: same version, different content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled-in template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited after export: accepted, marked as edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited after export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportsPage</name>
    <message>
        <source>Imported submissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a f&amp;older…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo last import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing imported yet. Choose files or a folder, or drop them on this window: each file is previewed before anything is written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The last %n file(s) imported or refused, newest first. Files and folders dropped on this window are imported too.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>unsigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below target</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorsPage</name>
    <message>
        <source>Filtering the indicators…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorting the indicators…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the indicators…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by activity, indicator, unit or note (with or without diacritics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators of the %1 reporting period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an indicator to edit it and its result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit this indicator and its result in the activity “%1” (Enter or double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is open read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This indicator belongs to the task %1, not to an activity; it is kept with the task.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Focal point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This installation&apos;s signing key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This installation has no signing key yet; it is made at the first export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agencies&apos; keys pinned here (at each agency&apos;s first signed file). Compare a fingerprint with the one printed on the agency&apos;s signed letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The focal point&apos;s key pinned here (at its first signed catalog update).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reporting status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Areas and tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is not set up yet.

Start NAP Reporter without --screenshot to choose the language, your role and your agency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set up yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focal point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · data %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing exported yet for this period; edits are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least one version was exported; edits go into the next version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No edits until the period is unlocked with a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The activity «%1» was being edited when the program closed unexpectedly, and it was not saved. Open it to continue?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (read only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Reading the overview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No due date is set for this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue by 1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue by %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators: %1, with a result: %2, on track: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview of the %1 reporting period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan in force: Decision %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan is in force for this year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 activities · %2 indicators: %3 with a result, %4 on track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress by area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 on track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No area in this plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress by task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators on track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No activity recorded yet for this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still missing for this period&apos;s submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks with no activity: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators with no result: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators with no result: %1 (the first %2 are listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is missing: every task has an activity and every indicator has a result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up recommendation: the Committee asked for information on it within two years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agencies that have not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendations (the cycle in force first; ★ follow-up)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing key: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule broken</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecommendationTableModel</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SDG targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Illustrative summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up recommendation: the Committee asked for information on it within two years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secondary source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still to check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vietnamese text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>response</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecommendationsPage</name>
    <message>
        <source>Recommendations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by code, paragraph, SDG target or words of the text (with or without diacritics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recommendation selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SDG targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where it comes from</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportSettingsDialog</name>
    <message>
        <source>Report settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These details appear on the official PDF report (Decree 30/2020/NĐ-CP): the issuing authority, the document number, the place, the signer and the recipients. Write them in Vietnamese, as they should be printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Governing body:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issuing unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document &amp;number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer&apos;s &amp;title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer&apos;s na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recipients:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One line per printed line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only when a unit under the governing body issues the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One recipient per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print &amp;today&apos;s date (otherwise day and month are left blank for the clerk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore &amp;defaults</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Welcome to NAP Reporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before the first use, tell the program who reports. You can work offline; your reports travel as files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reporting agency (province, city, ministry or central agency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Focal point (Ministry of Justice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to search, for example: vinh long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contact person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, position, telephone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;hared database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, for several analysts: postgresql://user@host/dbname</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubmissionTableModel</name>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (superseded)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubmissionsPage</name>
    <message>
        <source>Lock period %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the period %1? No activity or result of %1 can be changed until the period is unlocked, which asks for a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No submission exported yet.
Each export of this period&apos;s report becomes a new version listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock period…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No edits to this period until it is unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow edits again; asks for the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing exported yet, edits allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported at least once; edits go into the next version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no edits until it is unlocked with a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period %1 is %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock period</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock period %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is the period %1 unlocked? The reason is recorded with the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. add the results of December</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export submission…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install a &amp;catalog update…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periods and &amp;due dates; publish the catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About NAP Reporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing &amp;keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a f&amp;older…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo last import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;National report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Report: number, signer, recipients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry unfinished activities to next period…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry over to next period…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the planned, in-progress and postponed activities of this period into the next one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reporting period (calendar year) shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;hared database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reminder list of agencies not reported…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the &amp;blank template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;tore from a backup…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <source>Catalog update not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog version %1 is installed (it was %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This catalog (version %1) is not newer than the one installed (version %2); nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About NAP Reporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAP Reporter %1

Reporting on the implementation of Viet Nam&apos;s National Action Plans for the International Covenant on Civil and Political Rights (ICCPR) and the recommendations of the UN Human Rights Committee.

Works offline; submissions travel as files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry unfinished activities to next period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no period %1 in the catalog yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no unfinished activities in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every unfinished activity of %1 has already been carried into %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copy the %n unfinished activities (planned, in progress or postponed) of %1 into %2?

Their indicators come along without results. Activities carried over before are not copied again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Carry over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n activities were carried from %1 into %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This catalog update is not signed by the focal point&apos;s key pinned here. Install it only if you are sure the Ministry of Justice sent it (compare the key&apos;s fingerprint with the one the Ministry gave you by telephone or letter). A signed update&apos;s key then replaces the pinned one; the audit log records the acceptance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept a catalog update with another key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Splash</name>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filling the demo database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the window…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivitiesReading</name>
    <message>
        <source>Filtering the activities…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the activities… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the activities…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorting the activities…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommitteeGradeEditor</name>
    <message>
        <source>The Committee&apos;s assessment (A–E), a fact from its documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grade (A–E):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document &amp;date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Element graded:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Committee&apos;s symbol, e.g. CCPR/C/…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the whole recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record the Committee&apos;s grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No grade of the Committee recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecommendationListDialog</name>
    <message>
        <source>Load an official list of recommendations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number opens the text (“155.1 …”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recommending State closes the text (“… (Chile);”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name for these columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mapping:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column headings as printed in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text (English):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text (Vietnamese):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommending States:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SDG targets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affected persons:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked against a published file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked against a published file: compare the headings with your file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Universal Human Rights Index export (uhri.ohchr.org). Its search fields (themes, affected persons, SDGs) are documented; the column headings of its export are an assumption, not compared with a downloaded file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OHCHR matrix of recommendations of a UPR cycle, one recommendation a row (“155.1 Text … (State);”). Its column of assessments of the level of implementation is documented (upr-info.org); the other headings, and the number and State inside the text, are assumptions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the list of recommendations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets and CSV (*.xlsx *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agencies and their keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This installation&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of %2 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 events to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title, code, user, field…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditTable</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name / code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes (old → new)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvenanceMarks</name>
    <message>
        <source>Where it comes from: not said in the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document not named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vietnamese title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked against the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secondary source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still to check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paragraph</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerPassword</name>
    <message>
        <source>Database password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 asks for the password of your database role. It is used for this session only and never saved; to be asked no more, put it in PostgreSQL&apos;s password file (~/.pgpass).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SharedDatabase</name>
    <message>
        <source>Shared database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL database the analysts share, for example postgresql://lan@db.moj.gov.vn/nap. Leave it empty to use this computer&apos;s database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a PostgreSQL address (postgresql://user@host[:port]/dbname); nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the next start the window opens %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the next start the window opens this computer&apos;s database file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups (*.sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the blank template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The blank template was written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace all the data of this database with the backup %1? The backup is checked first, and a copy of the present data is kept in the backups folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data as it was before is kept in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was restored from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 is a database of the role “%2”, while this one is of the role “%3”. Restore it anyway? The window then shows that role&apos;s pages.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotReportedList</name>
    <message>
        <source>Agencies that have not reported for %1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every agency that had to report for %1 has reported (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact is known yet: it comes with the agency&apos;s first file, or is set on the Reporting status page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now part of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the reminder list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agencies that have not reported, with their contacts, as a workbook that prints on A4 (File &gt; Reminder list of agencies not reported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact: person · phone · e-mail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadOnlyHint</name>
    <message>
        <source>Read only: your role on this shared database may read but not change the data, so editing is turned off here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only: your role may not change the data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
