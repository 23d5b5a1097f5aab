<#--
  Default Markdown table: a GitHub/CommonMark pipe table. Output format Markdown: every ${...} is escaped
  (\ ` * _ [ ] < > | & $ ~ get a backslash). Pipe tables have one header row: further header rows come first
  in the body. A cell spanning columns is written in its first column.
-->
<#assign t = table>
<#macro cells r>|<#list r.cells as c> ${c.text} |<#list 1..<c.span as i> |</#list></#list>
</#macro>
**${t.title.text}**

<#list t.header as r>
<@cells r/>
<#if r?is_first>
| :--- |<#list 1..t.columns as i> :---: |</#list>
</#if>
</#list>
<#list t.body as r>
<@cells r/>
</#list>
<#list t.notes as n>

${n.text}
</#list>
